import Testing
import GraphPermJSON
import GraphPermCore

/// Which of Microsoft's files a document is, from its members.
@Suite struct DocumentKindDetectTests {
    static func detect(_ text: String) throws(LoadError) -> (DocumentKind, JSONReader) {
        try DocumentKind.detect(JSONReader.parse(Array(text.utf8), file: "in.json"))
    }

    @Test(arguments: [
        (#"{"$schema": "x", "permissions": {}}"#, DocumentKind.permissionsDocument),
        (#"{"permissionDeployments": {}}"#, .provisioningInfo),
        (#"{"applicationScopesList": []}"#, .permissionDescriptions),
        (#"{"oauth2PermissionScopes": []}"#, .servicePrincipal),
    ])
    func byTheirMembers(text: String, kind: DocumentKind) throws {
        #expect(try Self.detect(text).0 == kind)
    }

    @Test func aListOfServicePrincipalsYieldsMicrosoftGraphs() throws {
        let (kind, principal) = try Self.detect(#"""
            {"value": [{"appId": "other", "appRoles": []},
                       {"appId": "00000003-0000-0000-c000-000000000000", "appRoles": [], "displayName": "Graph"}]}
            """#)
        #expect(kind == .servicePrincipal)
        #expect(try principal["displayName"].string() == "Graph")
        #expect(JSONPathComponent.render(principal.path) == "$.value[1]")
        // A single principal is taken whatever its app ID.
        let (_, single) = try Self.detect(#"{"value": [{"appId": "x", "appRoles": []}, {"id": 1}]}"#)
        #expect(JSONPathComponent.render(single.path) == "$.value[0]")
    }

    @Test(arguments: [
        ("[]", "in.json: $: expected an object: a permissions document, provisioningInfo, permission descriptions"
            + " or a service principal, found an array"),
        (#"{"a": 1, "b": 2}"#, "in.json: $: expected a permissions document (permissions), provisioningInfo"
            + " (permissionDeployments), permission descriptions (delegatedScopesList) or the Microsoft Graph"
            + " service principal (appRoles, oauth2PermissionScopes), found an object with members: a, b"),
        (#"{"value": [{"appId": "x", "appRoles": []}, {"appId": "y", "appRoles": []}]}"#,
         "in.json: $: expected a permissions document (permissions), provisioningInfo"
            + " (permissionDeployments), permission descriptions (delegatedScopesList) or the Microsoft Graph"
            + " service principal (appRoles, oauth2PermissionScopes), found an object with members: value"),
        ("{}", "in.json: $: expected a permissions document (permissions), provisioningInfo"
            + " (permissionDeployments), permission descriptions (delegatedScopesList) or the Microsoft Graph"
            + " service principal (appRoles, oauth2PermissionScopes), found an object with members: none"),
        (#"{"value": 3}"#, "in.json: $.value: expected an array, found a number"),
    ])
    func anythingElseSaysWhatWasExpected(text: String, message: String) {
        do {
            _ = try Self.detect(text)
            Issue.record("detected \(text)")
        } catch {
            #expect(error.description == message)
        }
    }
}
