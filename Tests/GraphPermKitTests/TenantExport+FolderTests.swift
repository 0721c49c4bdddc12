import Testing
import GraphPermCore
import GraphPermJSON
import GraphPermKit

/// A tenant export folder: three collections, pages continued in NAME.2.json …, errors naming file and place.
@Suite struct TenantExportFolderTests {
    static let app = "5d6b6bb7-de71-4623-b4af-96380a352509"
    static let graph = "00000003-0000-0000-c000-000000000000"

    static func principal(_ name: String) -> String {
        #"{"id": "\#(app)", "appId": "\#(graph)", "displayName": "\#(name)"}"#
    }

    static let next = #""@odata.nextLink": "https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x", "#

    /// A folder with the three files, servicePrincipals in two pages unless told otherwise.
    static func folder(principalPages: [String]? = nil, roles: String? = #"{"value": []}"#) -> TemporaryFolder {
        let folder = TemporaryFolder()
        let pages = principalPages ?? [
            "{\(next)\"value\": [\(principal("One")), \(principal("Two"))]}", "{\"value\": [\(principal("Three"))]}",
        ]
        for (index, page) in pages.enumerated() {
            _ = folder.file(index == 0 ? "servicePrincipals.json" : "servicePrincipals.\(index + 1).json", page)
        }
        _ = folder.file("oauth2PermissionGrants.json", #"""
            {"value": [{"clientId": "\#(app)", "consentType": "AllPrincipals", "resourceId": "\#(graph)",
                        "scope": "User.Read"}]}
            """#)
        if let roles { _ = folder.file("roleAssignments.json", roles) }
        return folder
    }

    static func error(_ folder: TemporaryFolder) -> LoadError? {
        defer { folder.remove() }
        do {
            _ = try TenantExport.read(folder: folder.path)
            return nil
        } catch { return error }
    }

    @Test func pagesAreReadInOrder() throws {
        let folder = Self.folder()
        defer { folder.remove() }
        let export = try TenantExport.read(folder: folder.path)
        #expect(export.servicePrincipals.map(\.displayName) == ["One", "Two", "Three"])
        #expect(export.delegatedGrants.map(\.scopes) == [["User.Read"]])
        #expect(export.roleAssignments.isEmpty)
    }

    @Test func aMissingCollectionIsAnIOError() throws {
        let folder = Self.folder(roles: nil)
        let path = folder.path + "/roleAssignments.json"
        let error = try #require(Self.error(folder))
        #expect(error == .io(file: path, message: "no such file: a tenant export folder holds servicePrincipals.json,"
            + " oauth2PermissionGrants.json and roleAssignments.json"))
        #expect(error.exitCode == 74)
    }

    @Test func aNextLinkWithoutItsPageNamesThePage() throws {
        let folder = Self.folder(principalPages: ["{\(Self.next)\"value\": []}"])
        let path = folder.path + "/servicePrincipals.json"
        #expect(Self.error(folder) == .data(
            file: path, place: #"$["@odata.nextLink"]"#,
            message: "expected the next page in servicePrincipals.2.json, which is missing"))
    }

    @Test func anItemThatMentionsANextLinkIsNoSignOfANextPage() throws {
        let item = #"{"id": "\#(Self.app)", "appId": "\#(Self.graph)", "notes": {"@odata.nextLink": "x"}}"#
        let folder = Self.folder(principalPages: ["{\"value\": [\(item)]}"])
        defer { folder.remove() }
        #expect(try TenantExport.read(folder: folder.path).servicePrincipals.count == 1)
    }

    @Test func aBadItemNamesItsFileAndPath() throws {
        let folder = Self.folder(principalPages: [#"{"value": [{"id": "x", "appId": "\#(Self.graph)"}]}"#])
        let path = folder.path + "/servicePrincipals.json"
        #expect(Self.error(folder) == .data(file: path, place: "$.value[0].id",
                                            message: "expected a GUID like 00000000-0000-0000-0000-000000000000,"
                                                + #" found "x""#))
    }

    @Test func aPageAfterTheLastIsNotRead() throws {
        let folder = Self.folder(principalPages: [#"{"value": []}"#, "not JSON"])
        defer { folder.remove() }
        #expect(try TenantExport.read(folder: folder.path).servicePrincipals.isEmpty)
    }
}
