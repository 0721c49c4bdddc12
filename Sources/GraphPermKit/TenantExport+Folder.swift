import GraphPermPlatform
import GraphPermCore
import GraphPermJSON
import GraphPermStore

extension TenantExport {
    /// The three collections of a tenant export and their file stems.
    static let collections = ["servicePrincipals", "oauth2PermissionGrants", "roleAssignments"]

    /// Reads a tenant export folder: `servicePrincipals.json`, `oauth2PermissionGrants.json` and
    /// `roleAssignments.json`, each `{"value": [...]}`; a page with `@odata.nextLink` continues in
    /// `NAME.2.json`, `NAME.3.json` … (as `graphperm sync --tenant-export` and Graph's paging write them). Pages are
    /// parsed side by side; an error names the file and the JSON path.
    ///
    ///     let export = try TenantExport.read(folder: "tenant")
    package static func read(folder: String) throws(LoadError) -> TenantExport {
        var pages: [(collection: Int, number: Int, page: Page)] = []
        for (collection, stem) in collections.enumerated() {
            var number = 1
            while true {
                let url = URL(fileURLWithPath: folder).appendingPathComponent(pageName(stem, number))
                guard FileManager.default.fileExists(atPath: url.path) else {
                    guard number == 1 else { break }  // whether a next page was due, the parse says
                    throw LoadError.io(
                        file: url.path,
                        message:
                            "no such file: a tenant export folder holds servicePrincipals.json, "
                            + "oauth2PermissionGrants.json and roleAssignments.json"
                    )
                }
                let page = Page(file: url.path, bytes: try SourceFile.read(url, limit: 2 << 30))
                pages.append((collection, number, page))
                guard Self.hasNextLink(page.bytes) else { break }
                number += 1
            }
        }
        let parsed = pages.concurrentMap { entry in
            Result { () throws(LoadError) in try Self.parse(entry.page, collection: entry.collection) }
        }
        var principals: [ServicePrincipal] = []
        var grants: [DelegatedGrant] = []
        var roles: [RoleAssignment] = []
        for (position, result) in parsed.enumerated() {
            let items = try result.get()
            let (collection, number, page) = pages[position]
            let nextFollows = position + 1 < pages.count && pages[position + 1].collection == collection
            if items.hasNext != nextFollows {
                throw LoadError.data(
                    file: page.file, place: "$[\"@odata.nextLink\"]",
                    message: items.hasNext
                        ? "expected the next page in \(pageName(collections[collection], number + 1)), which is missing"
                        : "expected a nextLink only where a next page follows")
            }
            principals += items.principals
            grants += items.grants
            roles += items.roles
        }
        return TenantExport(servicePrincipals: principals, delegatedGrants: grants, roleAssignments: roles)
    }

    /// The file of a collection's page `number` (from 1): `NAME.json`, `NAME.2.json` …
    private static func pageName(_ stem: String, _ number: Int) -> String {
        number == 1 ? "\(stem).json" : "\(stem).\(number).json"
    }

    /// Whether a page's bytes mention `@odata.nextLink`: then its next page is read, if there is one (the parse
    /// checks that the page has the member, and that a page with it has a next page).
    private static func hasNextLink(_ bytes: [UInt8]) -> Bool {
        let needle = Array("\"@odata.nextLink\"".utf8)
        guard bytes.count >= needle.count else { return false }
        // Graph writes it before "value": look at the start first, then everywhere.
        return bytes.prefix(4_096).withUnsafeBufferPointer { contains($0, needle) }
            || bytes.withUnsafeBufferPointer { contains($0, needle) }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == needle[0] {
                var match = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            index += 1
        }
        return false
    }

    private struct ParsedPage: Sendable {
        var principals: [ServicePrincipal] = []
        var grants: [DelegatedGrant] = []
        var roles: [RoleAssignment] = []
        var hasNext = false
    }

    private static func parse(_ page: Page, collection: Int) throws(LoadError) -> ParsedPage {
        var parsed = ParsedPage()
        switch collection {
        case 0:
            (parsed.principals, parsed.hasNext) = try decode(
                page, fast: fastServicePrincipal, slow: { item throws(LoadError) in try servicePrincipal(item) })
        case 1:
            (parsed.grants, parsed.hasNext) = try decode(
                page, fast: fastDelegatedGrant, slow: { item throws(LoadError) in try delegatedGrant(item) })
        default:
            (parsed.roles, parsed.hasNext) = try decode(
                page, fast: fastRoleAssignment, slow: { item throws(LoadError) in try roleAssignment(item) })
        }
        return parsed
    }
}
