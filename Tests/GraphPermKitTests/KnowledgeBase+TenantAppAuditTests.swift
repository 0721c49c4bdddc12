import Testing
import GraphPermCore
import GraphPermKit

/// One app of a tenant export audited against its calls, with the mini knowledge base.
@Suite struct KnowledgeBaseTenantAppAuditTests {
    static let graphSP = "11111111-1111-1111-1111-111111111111"
    static let archiver = "22222222-2222-2222-2222-222222222222"
    static let archiverApp = "22222222-0000-0000-0000-000000000000"
    static let sender = "33333333-3333-3333-3333-333333333333"
    static let api = "44444444-4444-4444-4444-444444444444"
    static let apiApp = "44444444-0000-0000-0000-000000000000"
    static let apiRole = "55555555-5555-5555-5555-555555555555"
    // Mail.Read's application ID (Microsoft's).
    static let mailRead = "810c84a8-4a9e-49e6-bf7d-12d183f40d01"

    static func folder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        _ = folder.file("servicePrincipals.json", #"""
            {"value": [
              {"id": "\#(graphSP)", "appId": "00000003-0000-0000-c000-000000000000", "displayName": "Microsoft Graph",
               "appRoles": [{"id": "\#(mailRead)", "value": "Mail.Read"}]},
              {"id": "\#(archiver)", "appId": "\#(archiverApp)", "displayName": "Contoso Mail Archiver",
               "appRoleAssignments": [{"appRoleId": "\#(mailRead)", "resourceId": "\#(graphSP)"},
                                      {"appRoleId": "\#(apiRole)", "resourceId": "\#(api)"}]},
              {"id": "\#(sender)", "appId": "33333333-0000-0000-0000-000000000000",
               "displayName": "Contoso Mail Sender"},
              {"id": "\#(api)", "appId": "\#(apiApp)", "displayName": "Contoso API"}]}
            """#)
        _ = folder.file("oauth2PermissionGrants.json", #"""
            {"value": [
              {"clientId": "\#(archiver)", "consentType": "AllPrincipals", "resourceId": "\#(graphSP)",
               "scope": "User.Read.All"},
              {"clientId": "\#(archiver)", "consentType": "AllPrincipals", "resourceId": "\#(api)",
               "scope": "api.access"}]}
            """#)
        _ = folder.file("roleAssignments.json", #"{"value": []}"#)
        return folder
    }

    @Test func whatTheAppHoldsIsAuditedAgainstItsCalls() throws {
        let folder = Self.folder()
        defer { folder.remove() }
        let audit = try MiniKnowledgeBase.shared.auditTenantApp(
            folder: folder.path, app: "contoso mail archiver",
            calls: try AppCalls.parse("GET /users/u1/messages", file: "calls.txt"))
        #expect(audit.app.id == Self.archiver)
        #expect(audit.report.granted.application == ["Mail.Read"])
        #expect(audit.report.granted.delegated == ["User.Read.All"])
        #expect(audit.report.granted.otherAPIs.map(JSONValueText.render) == [
            #"{"resourceAppId":"\#(Self.apiApp)","resourceAccess":[{"id":"\#(Self.apiRole)","type":"Role"},"#
                + #"{"value":"api.access","type":"Scope"}]}"#
        ])
        #expect(audit.report.findings.map { "\($0.kind.rawValue) \($0.subject)" }
            == ["other API \(Self.apiApp)", "unused User.Read.All"])
    }

    @Test func anAppIsChosenByIDAppIDNameOrAPartOfIt() throws {
        let folder = Self.folder()
        defer { folder.remove() }
        for choice in [Self.archiver, Self.archiverApp.uppercased(), "Contoso Mail Archiver", "archiver"] {
            let audit = try MiniKnowledgeBase.shared.auditTenantApp(folder: folder.path, app: choice, calls: [])
            #expect(audit.app.displayName == "Contoso Mail Archiver", "chosen by \(choice)")
        }
    }

    @Test func noneOrSeveralIsAnErrorThatSaysWhat() throws {
        let folder = Self.folder()
        defer { folder.remove() }
        let several = #expect(throws: TenantAppChoiceError.self) {
            try MiniKnowledgeBase.shared.auditTenantApp(folder: folder.path, app: "Mail", calls: [])
        }
        #expect(several?.description == "--app Mail: 2 service principals in \(folder.path) match (Contoso Mail"
            + " Archiver (id \(Self.archiver)), Contoso Mail Sender (id \(Self.sender))): give its id")
        let none = #expect(throws: TenantAppChoiceError.self) {
            try MiniKnowledgeBase.shared.auditTenantApp(folder: folder.path, app: "Fabrikam", calls: [])
        }
        #expect(none?.description == "--app Fabrikam: no service principal in \(folder.path) has this id, appId or"
            + " display name, nor a display name containing it")
    }
}
