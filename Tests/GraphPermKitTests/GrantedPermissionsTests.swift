import Testing
import GraphPermCore
import GraphPermKit

/// The permissions an app holds, read from a manifest or from Graph's grants, IDs resolved by the knowledge base.
@Suite struct GrantedPermissionsTests {
    let kb = MiniKnowledgeBase.shared

    func read(_ text: String) throws -> GrantedPermissions {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var granted = GrantedPermissions()
        try GrantedPermissions.read(folder.file("app.json", text), kb: kb, into: &granted)
        return granted
    }

    @Test func aManifestsGraphIDsBecomeNamesAndOtherAPIsAreKept() throws {
        let granted = try read(#"""
            {"requiredResourceAccess": [
              {"resourceAppId": "00000003-0000-0000-C000-000000000000", "resourceAccess": [
                {"id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "type": "Scope"},
                {"id": "810C84A8-4A9E-49E6-BF7D-12D183F40D01", "type": "Role"},
                {"id": "00000000-0000-0000-0000-000000000001", "type": "Role"}]},
              {"resourceAppId": "00000002-0000-0ff1-ce00-000000000000", "resourceAccess": [{"id": "x", "type": "Role"}]}
            ]}
            """#)
        #expect(granted.delegated == ["Mail.Read"] && granted.application == ["Mail.Read"])
        #expect(granted.unknownIDs.count == 1)
        #expect(granted.unknownIDs[0].hasPrefix("00000000-0000-0000-0000-000000000001 (Role in "))
        #expect(granted.otherAPIs.count == 1)
    }

    @Test func graphsGrantListsGiveRolesAndScopes() throws {
        let granted = try read(#"""
            {"value": [{"appRoleId": "810c84a8-4a9e-49e6-bf7d-12d183f40d01"}, {"scope": "User.Read  Mail.Read"}]}
            """#)
        #expect(granted.application == ["Mail.Read"] && granted.delegated == ["User.Read", "Mail.Read"])
    }

    @Test func anythingElseSaysWhatWasExpected() {
        let notAGrant = #expect(throws: LoadError.self) { try read(#"{"app": 1}"#) }
        #expect(notAGrant?.description.hasSuffix(": $: expected an app manifest (requiredResourceAccess),"
            + #" appRoleAssignments or oauth2PermissionGrants ({"value": [...]}), found an object"#) == true)
        let error = #expect(throws: LoadError.self) { try read(#"{"value": [{"id": "x"}]}"#) }
        #expect(error?.description.hasSuffix(": $.value[0]: expected an appRoleAssignment (appRoleId) or an"
            + " oauth2PermissionGrant (scope), found an object") == true)
        let badID = #expect(throws: LoadError.self) {
            try read(#"{"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "#
                + #""resourceAccess": [{"id": "nope", "type": "Scope"}]}]}"#)
        }
        #expect(badID?.description.contains("$.requiredResourceAccess[0].resourceAccess[0].id: expected a GUID")
            == true)
    }
}
