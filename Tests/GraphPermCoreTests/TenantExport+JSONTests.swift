import Testing
import GraphPermJSON
import GraphPermCore

private let exportApp = "5D6B6BB7-DE71-4623-B4AF-96380A352509"

/// A tenant export's pages read into service principals, grants and role assignments, errors located.
@Suite struct TenantExportJSONTests {
    static let app = "5D6B6BB7-DE71-4623-B4AF-96380A352509"
    static let graph = "00000003-0000-0000-c000-000000000000"
    static let role = "810c84a8-4a9e-49e6-bf7d-12d183f40d01"

    static func page(_ text: String, file: String = "servicePrincipals.json") -> TenantExport.Page {
        TenantExport.Page(file: file, bytes: Array(text.utf8))
    }

    static func error<T>(_ body: () throws(LoadError) -> T) -> String? {
        do {
            _ = try body()
            return nil
        } catch { return error.description }
    }

    @Test func aServicePrincipalWithEverythingItMayCarry() throws {
        let text = #"""
            {"value": [{"id": "\#(Self.app)", "appId": "\#(Self.graph)", "displayName": "Graph",
              "appOwnerOrganizationId": "", "servicePrincipalType": "Application",
              "passwordCredentials": [{"displayName": "ci", "endDateTime": "2027-01-01T00:00:00Z"}],
              "keyCredentials": [{"startDateTime": "2026-01-01T00:00:00Z"}],
              "appRoles": [{"id": "\#(Self.role)", "value": "Mail.Read"}, {"id": "not-a-guid", "value": null}],
              "appRoleAssignments": [{"appRoleId": "\#(Self.role)", "resourceId": "\#(Self.app)"}],
              "owners": [{"id": "\#(Self.graph)"}]}],
             "@odata.nextLink": "https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x"}
            """#
        let (items, hasNext) = try TenantExport.items(of: Self.page(text))
        #expect(hasNext)
        let principal = try TenantExport.servicePrincipal(items[0])
        #expect(principal.id == Self.app.lowercased())
        #expect(principal.appId == Self.graph && principal.displayName == "Graph")
        #expect(principal.appOwnerOrganizationId == nil && principal.signInAudience == nil)
        #expect(principal.credentials.map(\.kind) == [.password, .certificate])
        #expect(principal.credentials[0].displayName == "ci" && principal.credentials[0].end == "2027-01-01T00:00:00Z")
        #expect(principal.credentials[1].start == "2026-01-01T00:00:00Z" && principal.credentials[1].end == nil)
        // A role without a value is skipped, its ID unread.
        #expect(principal.appRoles.map(\.value) == ["Mail.Read"])
        #expect(principal.appRoleAssignments.map { "\($0.appRoleId) \($0.resourceId)" }
            == ["\(Self.role) \(Self.app.lowercased())"])
        #expect(principal.owners == [Self.graph])
    }

    @Test func grantsSplitTheirScopesAndAssignmentsKeepTheirScope() throws {
        let grants = try TenantExport.items(of: Self.page(#"""
            {"value": [{"clientId": "\#(Self.app)", "consentType": "Principal", "principalId": "\#(Self.graph)",
                        "resourceId": "\#(Self.graph)", "scope": " User.Read  Mail.Read "}]}
            """#))
        #expect(!grants.hasNext)
        let grant = try TenantExport.delegatedGrant(grants.items[0])
        #expect(grant.scopes == ["User.Read", "Mail.Read"])
        #expect(grant.consentType == "Principal" && grant.principalId == Self.graph)
        let assignments = try TenantExport.items(of: Self.page(#"""
            {"value": [{"principalId": "\#(Self.app)", "roleDefinitionId": "\#(Self.role)", "directoryScopeId": "/"}]}
            """#))
        let assignment = try TenantExport.roleAssignment(assignments.items[0])
        #expect(assignment.roleDefinitionId == Self.role && assignment.directoryScopeId == "/")
    }

    @Test(arguments: [
        (#"{"value": {}}"#, "p.json: $.value: expected an array, found an object"),
        (#"{"items": []}"#, "p.json: $.value: expected an array, the member is missing"),
        (#"{"value": [], "@odata.nextLink": 3}"#, #"p.json: $["@odata.nextLink"]: expected a string, found a number"#),
    ])
    func aPageThatIsNotAPageSaysWhere(text: String, message: String) {
        #expect(Self.error { () throws(LoadError) in try TenantExport.items(of: Self.page(text, file: "p.json")) }
            == message)
    }

    @Test func aSyntaxErrorNamesLineAndColumn() {
        let message = Self.error { () throws(LoadError) in
            try TenantExport.items(of: Self.page("{\"value\": [\n  1,]}", file: "p.json"))
        }
        #expect(message?.hasPrefix("p.json: line 2, column") == true)
    }

    @Test(arguments: [
        (#"{"id": "x", "appId": "\#(exportApp)"}"#,
         #"s.json: $.value[0].id: expected a GUID like 00000000-0000-0000-0000-000000000000, found "x""#),
        (#"{"id": "\#(exportApp)"}"#, "s.json: $.value[0].appId: expected a string, the member is missing"),
        (#"{"id": "\#(exportApp)", "appId": "\#(exportApp)", "owners": [{"id": 1}]}"#,
         "s.json: $.value[0].owners[0].id: expected a string, found a number"),
        (#"{"id": "\#(exportApp)", "appId": "\#(exportApp)", "passwordCredentials": {}}"#,
         "s.json: $.value[0].passwordCredentials: expected an array, found an object"),
    ])
    func badServicePrincipalsNameThePlace(item: String, message: String) {
        #expect(Self.error { () throws(LoadError) in
            let page = Self.page(#"{"value": [\#(item)]}"#, file: "s.json")
            return try TenantExport.servicePrincipal(TenantExport.items(of: page).items[0])
        } == message)
    }

    @Test func aConsentTypeOutsideTheTwoIsRefused() {
        #expect(Self.error { () throws(LoadError) in
            let page = Self.page(
                #"{"value": [{"consentType": "Everyone", "clientId": "\#(Self.app)"}]}"#, file: "g.json")
            return try TenantExport.delegatedGrant(TenantExport.items(of: page).items[0])
        } == "g.json: $.value[0].consentType: expected AllPrincipals or Principal, found a string")
    }
}
