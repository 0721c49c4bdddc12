import Testing
import GraphPermJSON
import GraphPermCore

/// The files that give permission IDs and consent texts: provisioning info, descriptions, the service principal.
@Suite struct ScopeListLoadersTests {
    static let idA = "e1fe6dd8-ba31-4d61-89e7-88639da4683d"
    static let idB = "df021288-bdef-4463-88db-98f22de89214"

    static func reader(_ text: String, file: String) throws(LoadError) -> JSONReader {
        try JSONReader.parse(Array(text.utf8), file: file)
    }

    @Test func provisioningInfoRecordsDeploymentsAndSkipsOtherResources() throws {
        var facts = KnowledgeFacts()
        try ScopeListLoaders.loadProvisioningInfo(Self.reader(#"""
            {"permissionDeployments": {
              "User.Read": [{"scheme": "DelegatedWork", "id": "\#(Self.idA.uppercased())", "isHidden": false,
                             "isEnabled": true, "environment": "public", "resourceAppId": ""},
                            {"scheme": "DelegatedWork", "id": "\#(Self.idB)"},
                            {"scheme": "Application", "id": "not-a-guid"}],
              "_0.AA": [{"scheme": "Application"}], "_T.AD": []}}
            """#, file: "prov.json"), into: &facts)
        let work = try #require(facts.permissions["User.Read"]?[.delegatedWork])
        #expect(work.guid == Self.idA && work.isHidden == false && work.isEnabled == true)
        #expect(work.environment == "public" && work.resourceAppId == nil)
        #expect(facts.permissions["User.Read"]?[.application]?.guid == nil)
        #expect(facts.permissions["_0.AA"] == nil)
        #expect(facts.warnings == [
            #"prov.json: $.permissionDeployments["User.Read"][1]: a second deployment of User.Read for DelegatedWork;"#
                + " the first one is kept",
            #"prov.json: $.permissionDeployments["User.Read"][2].id: expected a GUID like"#
                + #" 00000000-0000-0000-0000-000000000000, found "not-a-guid"; this ID is ignored"#,
            "prov.json: 2 entries named like _0.AA are not Microsoft Graph permissions; skipped",
        ])
    }

    @Test func anUnknownSchemeInProvisioningInfoIsAnError() {
        var facts = KnowledgeFacts()
        let error = #expect(throws: LoadError.self) {
            try ScopeListLoaders.loadProvisioningInfo(
                Self.reader(#"{"permissionDeployments": {"A.Read": [{"scheme": "Work"}]}}"#, file: "prov.json"),
                into: &facts)
        }
        #expect(error?.description == #"prov.json: $.permissionDeployments["A.Read"][0].scheme:"#
            + " expected DelegatedWork, DelegatedPersonal or Application, found a string")
    }

    @Test func descriptionsGiveDelegatedWorkAndApplicationTheirTexts() throws {
        var facts = KnowledgeFacts()
        try ScopeListLoaders.loadDescriptions(Self.reader(#"""
            {"delegatedScopesList": [{"value": "Mail.Read", "id": "\#(Self.idA)",
                                      "consentDisplayName": "Read your mail",
                                      "adminConsentDisplayName": "Read user mail", "isAdmin": false}],
             "applicationScopesList": [{"value": "Mail.Read", "id": "\#(Self.idB)", "isAdmin": true}]}
            """#, file: "desc.json"), into: &facts)
        let work = try #require(facts.permissions["Mail.Read"]?[.delegatedWork])
        #expect(work.userDisplayName == "Read your mail" && work.adminDisplayName == "Read user mail")
        #expect(work.requiresAdminConsent == false && work.guid == Self.idA)
        #expect(facts.permissions["Mail.Read"]?[.application]?.requiresAdminConsent == true)
        #expect(facts.permissions["Mail.Read"]?[.delegatedPersonal] == nil)
    }

    @Test func aDescriptionWithoutAnIDNamesThePlace() {
        var facts = KnowledgeFacts()
        let error = #expect(throws: LoadError.self) {
            try ScopeListLoaders.loadDescriptions(
                Self.reader(#"{"applicationScopesList": [{"value": "Mail.Read"}]}"#, file: "desc.json"), into: &facts)
        }
        #expect(error?.description
            == "desc.json: $.applicationScopesList[0].id: expected a string, the member is missing")
    }

    @Test func theServicePrincipalsRolesAndScopes() throws {
        var facts = KnowledgeFacts()
        try ScopeListLoaders.loadServicePrincipal(Self.reader(#"""
            {"appRoles": [{"value": "Mail.Read", "id": "\#(Self.idB)", "displayName": "Read mail in all mailboxes",
                           "allowedMemberTypes": ["Application"]},
                          {"value": "User.Only", "id": "\#(Self.idA)", "allowedMemberTypes": ["User"]}],
             "oauth2PermissionScopes": [{"value": "Mail.Read", "id": "\#(Self.idA)", "type": "User",
                                         "userConsentDisplayName": "Read your mail"},
                                        {"value": "Directory.Read.All", "id": "\#(Self.idB)", "type": "Admin"}]}
            """#, file: "sp.json"), into: &facts)
        let app = try #require(facts.permissions["Mail.Read"]?[.application])
        #expect(app.adminDisplayName == "Read mail in all mailboxes" && app.requiresAdminConsent == true)
        // A role only users may hold is not an application permission.
        #expect(facts.permissions["User.Only"] == nil)
        #expect(facts.permissions["Mail.Read"]?[.delegatedWork]?.requiresAdminConsent == false)
        #expect(facts.permissions["Mail.Read"]?[.delegatedWork]?.userDisplayName == "Read your mail")
        #expect(facts.permissions["Directory.Read.All"]?[.delegatedWork]?.requiresAdminConsent == true)
    }

    @Test func theFirstFileKeepsItsValuesAndALaterIDIsAWarning() throws {
        var facts = KnowledgeFacts()
        try ScopeListLoaders.loadDescriptions(Self.reader(#"""
            {"delegatedScopesList": [{"value": "Mail.Read", "id": "\#(Self.idA)", "consentDisplayName": "first"}]}
            """#, file: "one.json"), into: &facts)
        try ScopeListLoaders.loadServicePrincipal(Self.reader(#"""
            {"oauth2PermissionScopes": [{"value": "Mail.Read", "id": "\#(Self.idB)",
                                         "userConsentDisplayName": "second"}]}
            """#, file: "two.json"), into: &facts)
        let entry = try #require(facts.permissions["Mail.Read"]?[.delegatedWork])
        #expect(entry.guid == Self.idA && entry.userDisplayName == "first")
        #expect(facts.warnings == [
            "two.json: Mail.Read (DelegatedWork) has ID \(Self.idB), but an earlier file gave \(Self.idA);"
                + " keeping \(Self.idA)"
        ])
    }
}
