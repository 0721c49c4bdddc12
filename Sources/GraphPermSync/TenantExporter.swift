import Foundation
import GraphPermKit

/// `graphperm sync --tenant-export FOLDER`: reads a tenant's service principals (with their app role assignments),
/// delegated permission grants and directory role assignments from Microsoft Graph, page by page, into the three
/// `{"value": [...]}` documents `graphperm audit --tenant FOLDER` reads. The folder is replaced only when all of it
/// succeeded (`ExportFolder`); the token goes only where its policy allows and is written nowhere.
///
///     let exporter = TenantExporter(token: token, host: .global, downloader: downloader)
///     try await exporter.export(to: "tenant").collections.map(\.items)  // [412, 96, 31]
package struct TenantExporter: Sendable {
    /// One collection: its file stem and the request that lists it, relative to `…/v1.0/`.
    package struct Collection: Sendable {
        package let name: String
        package let request: String
    }

    /// The three reads, in the order they are made. `$select` keeps only what the audit reads; `$expand` returns at
    /// most 20 app role assignments per principal, so a principal at that cap has its assignments read on their own.
    package static let collections = [
        Collection(
            name: "servicePrincipals",
            request: "servicePrincipals?$select=id,appId,displayName,appOwnerOrganizationId,servicePrincipalType,"
                + "signInAudience,passwordCredentials,keyCredentials,appRoles&$expand=appRoleAssignments"),
        Collection(name: "oauth2PermissionGrants", request: "oauth2PermissionGrants"),
        Collection(name: "roleAssignments", request: "roleManagement/directory/roleAssignments"),
    ]

    /// Graph's cap on the items of an expanded collection.
    static let expandCap = 20

    /// What one collection held.
    package struct Count: Sendable, Equatable {
        package let name: String
        package let pages: Int
        package let items: Int
    }

    /// What an export read: per collection, and the bytes in all.
    package struct Report: Sendable {
        package var collections: [Count] = []
        package var bytes = 0
        /// Principals whose app role assignments were read apart (they reached the cap of `$expand`).
        package var completedPrincipals = 0
    }

    let base: URL
    let credential: Downloader.Credential
    package let downloader: Downloader

    /// HTTPS to one of Microsoft Graph's hosts (`https://HOST/v1.0/`): what the command line uses.
    package init(token: String, host: GraphHost = .global, downloader: Downloader) {
        base = URL(string: "https://\(host.rawValue)/v1.0/")!
        credential = Downloader.Credential(token: token, policy: TokenPolicy(graph: host))
        self.downloader = downloader
    }

    /// A loopback server (`http://127.0.0.1:PORT/...`) standing in for Microsoft Graph in tests and demonstrations;
    /// nil for any other URL.
    package static func loopbackForTesting(token: String, base: URL, downloader: Downloader) -> TenantExporter? {
        guard let policy = TokenPolicy.loopbackForTesting(base) else { return nil }
        let folder = base.absoluteString.hasSuffix("/") ? base : URL(string: base.absoluteString + "/")!
        return TenantExporter(base: folder, credential: .init(token: token, policy: policy), downloader: downloader)
    }

    private init(base: URL, credential: Downloader.Credential, downloader: Downloader) {
        self.base = base
        self.credential = credential
        self.downloader = downloader
    }

    /// Writes the export to `folder` (created, or replacing an earlier export there). `progress` hears each page:
    /// the collection, the pages and the items so far.
    package func export(
        to folder: String, progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in }
    ) async throws -> Report {
        let target = try ExportFolder(path: folder)
        let staging = target.staging
        try staging.create()
        defer { staging.remove() }
        let files = staging.path + "/export"
        try ExportFolder.createDirectory(files, source: folder)
        let tally = Tally()
        var report = Report()
        for collection in Self.collections {
            let url = URL(string: collection.request, relativeTo: base)!.absoluteURL
            let writer = try ValueArrayFile(path: files + "/\(collection.name).json", source: url.absoluteString)
            var pages = 0
            try await readPages(from: url, scratch: staging.path + "/page.json", tally: tally) { items in
                pages += 1
                for item in items {
                    let complete =
                        collection.name == "servicePrincipals"
                        ? try await completed(item, scratch: staging.path + "/page.json", tally: tally) : item
                    try writer.append(complete)
                }
                progress(collection.name, pages, writer.count)
            }
            try writer.finish()
            report.collections.append(Count(name: collection.name, pages: pages, items: writer.count))
        }
        try target.publish(files)
        report.bytes = tally.bytes
        report.completedPrincipals = tally.completedPrincipals
        return report
    }

    /// Reads `url` and its `@odata.nextLink` pages, handing each page's `value` to `handle`.
    private func readPages(
        from url: URL, scratch: String, tally: Tally, handle: ([JSONValue]) async throws -> Void
    ) async throws {
        var next: URL? = url
        var pages = 0
        while let page = next {
            pages += 1
            guard pages <= downloader.limits.maxExportPages else {
                throw SyncError(
                    source: page.absoluteString,
                    message: "more than \(downloader.limits.maxExportPages) pages of @odata.nextLink: stopped")
            }
            let outcome: Downloader.Outcome
            do {
                outcome = try await downloader.get(page, to: scratch, credential: credential)
            } catch let error as SyncError {
                throw Self.explained(error)
            }
            guard case .saved(let count, _) = outcome else {
                throw SyncError(source: page.absoluteString, message: "answered 304 to an unconditional request")
            }
            tally.bytes += count
            let object = try GraphPage.parse(scratch, source: page.absoluteString)
            guard case .array(let values)? = object["value"] else {
                throw SyncError(
                    source: page.absoluteString, message: "expected {\"value\": [...]}, found no value array",
                    kind: .badContent)
            }
            try await handle(values)
            next = try GraphPage.nextLink(object, after: page, policy: credential.policy)
        }
    }

    /// A service principal with all its app role assignments: read apart when `$expand` gave as many as its cap.
    private func completed(_ item: JSONValue, scratch: String, tally: Tally) async throws -> JSONValue {
        guard case .object(var principal) = item, case .array(let expanded)? = principal["appRoleAssignments"],
            expanded.count >= Self.expandCap, case .string(let id)? = principal["id"],
            id.allSatisfy({ $0.isHexDigit || $0 == "-" })
        else { return item }
        var all: [JSONValue] = []
        let url = URL(string: "servicePrincipals/\(id)/appRoleAssignments", relativeTo: base)!.absoluteURL
        try await readPages(from: url, scratch: scratch, tally: tally) { all += $0 }
        tally.completedPrincipals += 1
        if let position = principal.members.firstIndex(where: { $0.key == "appRoleAssignments" }) {
            principal.members[position].value = .array(all)
        }
        return .object(principal)
    }

    /// Bytes read and principals completed so far, counted across the pages of one export.
    private final class Tally {
        var bytes = 0
        var completedPrincipals = 0
    }

    /// A transfer error with what the user can do about the status Graph answered.
    static func explained(_ error: SyncError) -> SyncError {
        let hints = [
            "HTTP 401": "the access token was refused (expired, or issued for another resource than Microsoft Graph)",
            "HTTP 403": "the token lacks a permission this read needs (Application.Read.All, "
                + "DelegatedPermissionGrant.Read.All, RoleManagement.Read.Directory; or Directory.Read.All)",
        ]
        guard let hint = hints.first(where: { error.message.hasPrefix($0.key) })?.value else { return error }
        return SyncError(source: error.source, message: error.message + ": " + hint, kind: error.kind)
    }
}
