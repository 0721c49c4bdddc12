import Testing
import GraphPermJSON
import GraphPermCore

private let guidA = "5D6B6BB7-DE71-4623-B4AF-96380A352509"
private let guidB = "00000003-0000-0000-c000-000000000000"

/// The fast decoders accept exactly what their located twins accept, and decode it the same way.
@Suite struct TenantExportFastJSONTests {
    static func value(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    static func reader(_ value: JSONValue) -> JSONReader {
        JSONReader(value: value, file: "t.json", path: [.key("value"), .index(0)])
    }

    static func summary(_ principal: TenantExport.ServicePrincipal) -> String {
        let credentials = principal.credentials.map {
            "\($0.kind.rawValue):\($0.displayName ?? "-"):\($0.start ?? "-"):\($0.end ?? "-")"
        }
        return [
            principal.id, principal.appId, principal.displayName, principal.appOwnerOrganizationId ?? "-",
            principal.servicePrincipalType ?? "-", principal.signInAudience ?? "-", credentials.joined(separator: ","),
            principal.appRoles.map { "\($0.id)=\($0.value)" }.joined(separator: ","),
            principal.appRoleAssignments.map { "\($0.appRoleId)@\($0.resourceId)" }.joined(separator: ","),
            principal.owners.map { $0.joined(separator: ",") } ?? "-",
        ].joined(separator: "|")
    }

    static let principals: [String] = [
        // Valid.
        #"{"id": "\#(guidA)", "appId": "\#(guidB)"}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "displayName": null, "appOwnerOrganizationId": "", "#
            + #""servicePrincipalType": "ManagedIdentity", "signInAudience": "AzureADMyOrg", "extra": [1, 2]}"#,
        #"{"keyCredentials": [{"displayName": "cert", "endDateTime": "2027"}, 5], "#
            + #""passwordCredentials": [{"startDateTime": "2026"}], "id": "\#(guidA)", "appId": "\#(guidB)"}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "appRoles": [{"id": "\#(guidB)", "value": "A.Read"}, "#
            + #"{"value": null}, "junk"], "#
            + #""appRoleAssignments": [{"appRoleId": "\#(guidB)", "resourceId": "\#(guidA)"}], "#
            + #""owners": [{"id": "\#(guidB)"}]}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "owners": null, "appRoles": null}"#,
        // Invalid.
        #"{"id": "\#(guidA)"}"#,
        #"{"id": "nope", "appId": "\#(guidB)"}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "displayName": 3}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "appOwnerOrganizationId": "x"}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "appRoles": [{"value": "A.Read"}]}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "appRoleAssignments": [{"appRoleId": "\#(guidB)"}]}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "owners": {}}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "passwordCredentials": [{"endDateTime": 2027}]}"#,
        #"{"id": "\#(guidA)", "appId": "\#(guidB)", "signInAudience": "\#(String(repeating: "x", count: 101))"}"#,
        #"[]"#,
    ]

    @Test(arguments: principals.indices)
    func servicePrincipalsAgreeWithTheLocatedReader(index: Int) throws {
        let value = try Self.value(Self.principals[index])
        let fast = TenantExport.fastServicePrincipal(value)
        let slow = try? TenantExport.servicePrincipal(Self.reader(value))
        #expect((fast == nil) == (slow == nil), "item \(index): fast and located readers disagree on validity")
        #expect((fast == nil) == (index >= 5), "item \(index) is \(index >= 5 ? "invalid" : "valid") by design")
        if let fast, let slow { #expect(Self.summary(fast) == Self.summary(slow)) }
    }

    @Test func theFastReaderDecodesWhatItAccepts() throws {
        let principal = try #require(TenantExport.fastServicePrincipal(try Self.value(Self.principals[2])))
        // Passwords come before certificates whatever the member order; a non-object entry is an empty credential.
        #expect(principal.credentials.map(\.kind) == [.password, .certificate, .certificate])
        #expect(principal.credentials[1].displayName == "cert" && principal.credentials[2].displayName == nil)
        #expect(principal.id == guidA.lowercased())
        let roles = try #require(TenantExport.fastServicePrincipal(try Self.value(Self.principals[3])))
        #expect(roles.appRoles.map(\.value) == ["A.Read"])
        #expect(roles.owners == [guidB])
        #expect(TenantExport.fastServicePrincipal(try Self.value(Self.principals[4]))?.owners == nil)
    }

    static let grants: [String] = [
        #"{"clientId": "\#(guidA)", "consentType": "AllPrincipals", "resourceId": "\#(guidB)", "scope": "A B"}"#,
        #"{"clientId": "\#(guidA)", "consentType": "Principal", "principalId": "\#(guidB)", "#
            + #""resourceId": "\#(guidB)"}"#,
        #"{"clientId": "\#(guidA)", "consentType": "Principal", "principalId": "", "resourceId": "\#(guidB)"}"#,
        #"{"clientId": "\#(guidA)", "consentType": "Other", "resourceId": "\#(guidB)"}"#,
        #"{"clientId": "\#(guidA)", "consentType": "Principal", "resourceId": "\#(guidB)", "scope": 1}"#,
        #"{"consentType": "Principal", "resourceId": "\#(guidB)"}"#,
    ]

    @Test(arguments: grants.indices)
    func delegatedGrantsAgreeWithTheLocatedReader(index: Int) throws {
        let value = try Self.value(Self.grants[index])
        let fast = TenantExport.fastDelegatedGrant(value)
        let slow = try? TenantExport.delegatedGrant(Self.reader(value))
        #expect((fast == nil) == (index >= 3))
        #expect((slow == nil) == (index >= 3))
        #expect(fast?.scopes == slow?.scopes && fast?.principalId == slow?.principalId)
    }

    @Test func grantScopesSplitAtSpaces() throws {
        let grant = try #require(TenantExport.fastDelegatedGrant(try Self.value(Self.grants[0])))
        #expect(grant.scopes == ["A", "B"] && grant.principalId == nil && grant.clientId == guidA.lowercased())
    }

    @Test(arguments: [
        (#"{"principalId": "\#(guidA)", "roleDefinitionId": "\#(guidB)", "directoryScopeId": "/"}"#, true),
        (#"{"principalId": "\#(guidA)", "roleDefinitionId": "\#(guidB)"}"#, true),
        (#"{"principalId": "\#(guidA)", "roleDefinitionId": "x"}"#, false),
        (#"{"principalId": "\#(guidA)", "roleDefinitionId": "\#(guidB)", "directoryScopeId": []}"#, false),
    ])
    func roleAssignmentsAgreeWithTheLocatedReader(text: String, valid: Bool) throws {
        let value = try Self.value(text)
        #expect((TenantExport.fastRoleAssignment(value) != nil) == valid)
        #expect(((try? TenantExport.roleAssignment(Self.reader(value))) != nil) == valid)
    }

    @Test func decodeFallsBackToTheLocatedReaderForItsError() {
        let page = TenantExport.Page(file: "sp.json", bytes: Array(#"""
            {"value": [{"id": "\#(guidA)", "appId": "\#(guidB)"}, {"id": "\#(guidA)", "appId": "bad"}]}
            """#.utf8))
        do {
            _ = try TenantExport.decode(page, fast: TenantExport.fastServicePrincipal,
                                        slow: TenantExport.servicePrincipal)
            Issue.record("a page with a bad GUID decoded")
        } catch {
            #expect("\(error)" == #"sp.json: $.value[1].appId: expected a GUID like"#
                + #" 00000000-0000-0000-0000-000000000000, found "bad""#)
        }
    }
}
