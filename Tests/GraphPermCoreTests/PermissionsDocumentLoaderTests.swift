import Testing
import GraphPermJSON
import GraphPermCore

/// Reading Microsoft's permissions document (Kibali format) into grants, with located errors and warnings.
@Suite struct PermissionsDocumentLoaderTests {
    static func load(_ text: String) throws(LoadError) -> KnowledgeFacts {
        var facts = KnowledgeFacts()
        try PermissionsDocumentLoader.load(JSONReader.parse(Array(text.utf8), file: "p.json"), into: &facts)
        return facts
    }

    static func loadError(_ text: String) -> LoadError? {
        do {
            _ = try load(text)
            return nil
        } catch { return error }
    }

    static let document = #"""
        {"permissions": {
          "User.Read": {
            "schemes": {"DelegatedWork": {"adminDisplayName": "Sign in and read user profile",
                                          "requiresAdminConsent": false, "privilegeLevel": 1}},
            "pathSets": [{"schemeKeys": ["DelegatedWork"], "methods": ["GET"],
                          "paths": {"/me": "least=DelegatedWork"}}]},
          "Mail.ReadWrite": {
            "schemes": {"DelegatedWork": {}, "Application": {}},
            "pathSets": [{"schemeKeys": ["Application", "DelegatedWork"], "methods": ["POST", "GET"],
                          "paths": {"/me/messages": "",
                                    "/users/{id}/messages": "least=Application;AlsoRequires=User.Read"}}]}
        }}
        """#

    @Test func eachPathMethodAndSchemeIsOneGrantWithItsMarkers() throws {
        let facts = try Self.load(Self.document)
        let mail = facts.grants.filter { $0.permission == "Mail.ReadWrite" }
        // Methods and schemes come out sorted: GET before POST, DelegatedWork before Application.
        #expect(mail.map { "\($0.method) \($0.scheme.rawValue) \($0.template)" } == [
            "GET DelegatedWork /me/messages", "GET Application /me/messages",
            "POST DelegatedWork /me/messages", "POST Application /me/messages",
            "GET DelegatedWork /users/{id}/messages", "GET Application /users/{id}/messages",
            "POST DelegatedWork /users/{id}/messages", "POST Application /users/{id}/messages",
        ])
        #expect(mail.filter(\.isLeast).map(\.scheme) == [.application, .application])
        #expect(mail.filter { $0.template == "/users/{id}/messages" }.allSatisfy { $0.alsoRequires == ["User.Read"] })
        let me = try #require(facts.grants.first { $0.permission == "User.Read" })
        #expect(me.isLeast && me.template == "/me" && me.method == "GET")
        // Claim order follows the permission names' order, not the document's.
        #expect(me.claimOrder > mail[0].claimOrder)
        #expect(facts.warnings.isEmpty)
    }

    @Test func schemeFactsAreRecorded() throws {
        let facts = try Self.load(Self.document)
        let entry = try #require(facts.permissions["User.Read"]?[.delegatedWork])
        #expect(entry.adminDisplayName == "Sign in and read user profile")
        #expect(entry.requiresAdminConsent == false && entry.privilegeLevel == 1)
        #expect(facts.permissions["Mail.ReadWrite"]?.keys.sorted() == [.delegatedWork, .application])
    }

    @Test func templatesAndMethodsAreTidiedWithAWarning() throws {
        let facts = try Self.load(#"""
            {"permissions": {"A.Read": {"schemes": {"Application": {}},
              "pathSets": [{"schemeKeys": ["Application"], "methods": ["GET "], "paths": {" users ": ""}}]}}}
            """#)
        #expect(facts.grants.map(\.template) == ["/users"])
        #expect(facts.grants.map(\.method) == ["GET"])
        #expect(facts.warnings == [
            #"p.json: $.permissions["A.Read"].pathSets[0].methods[0]: method "GET " read as GET"#,
            #"p.json: $.permissions["A.Read"].pathSets[0].paths[" users "]: path template " users " read as /users"#,
        ])
    }

    @Test func aDuplicateClaimKeepsTheFirstAndAnUndeclaredSchemeWarns() throws {
        let facts = try Self.load(#"""
            {"permissions": {"A.Read": {"schemes": {"Application": {}},
              "pathSets": [
                {"schemeKeys": ["Application"], "methods": ["GET"], "paths": {"/a": "least=Application"}},
                {"schemeKeys": ["Application", "DelegatedWork"], "methods": ["GET"], "paths": {"/a": ""}}]}}}
            """#)
        #expect(facts.grants.map { "\($0.scheme.rawValue) \($0.isLeast)" }
            == ["Application true", "DelegatedWork false"])
        #expect(facts.warnings.count == 2)
        #expect(facts.warnings[0].hasSuffix("A.Read grants paths for DelegatedWork, a scheme it does not declare"))
        #expect(facts.warnings[1] == #"p.json: $.permissions["A.Read"].pathSets[1].paths["/a"]: duplicate pathSet"#
            + " entry for A.Read GET Application; the first one is kept")
    }

    @Test(arguments: [
        (#"{"permissions": {"A.Read": {"schemes": {"Delegated": {}}}}}"#,
         #"p.json: $.permissions["A.Read"].schemes.Delegated: expected a scheme named DelegatedWork,"#
            + #" DelegatedPersonal or Application, found "Delegated""#),
        (#"{"permissions": {"A.Read": {"schemes": {}, "pathSets": [{"schemeKeys": ["Application"], "#
            + #""methods": ["get"], "paths": {}}]}}}"#,
         #"p.json: $.permissions["A.Read"].pathSets[0].methods[0]: expected an HTTP method in capitals"#
            + " (GET, POST, PUT, PATCH, DELETE), found a string"),
        (#"{"permissions": {"A.Read": {"schemes": {}, "pathSets": [{"schemeKeys": ["Application"], "#
            + #""methods": ["GET"], "paths": {"": ""}}]}}}"#,
         #"p.json: $.permissions["A.Read"].pathSets[0].paths[""]: expected a path template such as /users/{id}"#
            + " (at most 2000 bytes)"),
        (#"{"permissions": {"A.Read": {"schemes": {}, "pathSets": [{"schemeKeys": ["Application"], "#
            + #""methods": ["GET"], "paths": {"/a": "least"}}]}}}"#,
         #"p.json: $.permissions["A.Read"].pathSets[0].paths["/a"]: expected name=value pairs joined by ';'"#
            + #" with each name once (least=Scheme,... or AlsoRequires=Permission,...), found "least""#),
        (#"{"permissions": {"A Read": {"schemes": {}}}}"#,
         #"p.json: $.permissions["A Read"]: expected a permission name (1 to 200 letters, digits, '.', '-' or '_'),"#
            + #" found "A Read""#),
        (#"{"permissions": []}"#, "p.json: $.permissions: expected an object, found an array"),
        (#"{"permissions": {"A.Read": {"schemes": {"Application": {"privilegeLevel": 1.5}}}}}"#,
         #"p.json: $.permissions["A.Read"].schemes.Application.privilegeLevel: expected a whole number,"#
            + " found a number"),
    ])
    func badDocumentsNameTheFileThePlaceAndWhatWasExpected(text: String, message: String) {
        let error = Self.loadError(text)
        #expect(error?.description == message)
        #expect(error?.exitCode == 65)
    }

    @Test func aPermissionWithoutPathSetsHasSchemesButNoGrants() throws {
        let facts = try Self.load(#"{"permissions": {"A.Read": {"schemes": {"Application": {"isEnabled": true}}}}}"#)
        #expect(facts.grants.isEmpty)
        #expect(facts.permissions["A.Read"]?[.application] != nil)
    }

    @Test(arguments: [
        ("", [String]?.some([]), [String]()),
        ("least=DelegatedWork, Application", ["DelegatedWork", "Application"], []),
        ("AlsoRequires=User.Read.All;least=Application", ["Application"], ["User.Read.All"]),
        ("least=;other=x", [], []),
        ("least=Application;least=DelegatedWork", nil, []),
        ("AlsoRequires", nil, []),
    ] as [(String, [String]?, [String])])
    func markersParse(text: String, least: [String]?, alsoRequires: [String]) {
        let markers = PathMarkers.parse(text: text)
        #expect(markers?.leastSchemes == least)
        if least != nil { #expect(markers?.alsoRequires == alsoRequires) }
    }
}
