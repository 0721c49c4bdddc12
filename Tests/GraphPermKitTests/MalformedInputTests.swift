import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// A load of bad input fails with the file, the place and what was expected, and leaves the database as it was.
struct MalformedInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let message: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ message: String) {
            self.init(name, Array(text.utf8), message)
        }

        init(_ name: String, _ bytes: [UInt8], _ message: String) {
            self.name = name
            self.bytes = bytes
            self.message = message
        }
    }

    static let valid = #"{"permissions": {"Mail.Read": {"schemes": {"DelegatedWork": {"requiresAdminConsent": "#
        + #"false}}, "pathSets": [{"schemeKeys": ["DelegatedWork"], "methods": ["GET"], "paths": {"/me/messages": "#
        + #""least=DelegatedWork"}}]}}}"#

    static let longName: String = String(repeating: "A", count: 1_000_000)
    static let deep: String = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
    static let deepPlace: String = "bad.json: line 1, column 257 ($" + String(repeating: "[0]", count: 256)
        + "): nesting deeper than 256 levels"
    static let hugeNameDocument: String = #"{"permissions": {""# + longName + #"": {"schemes": {}}}}"#
    static let hugeNameMessage: String = "bad.json: $.permissions[\"" + String(repeating: "A", count: 80)
        + "… (1000000 bytes)\"]: expected a permission name (1 to 200 letters, digits, '.', '-' or '_'), found \""
        + String(repeating: "A", count: 80) + "… (1000000 bytes)\""
    static let hugeDescription: String = #""adminDescription": ""# + String(repeating: "x", count: 100_000) + #"""#
    static let truncated: String = String(valid.prefix(120))

    static let cases: [Case] = [
        Case("empty", "", "bad.json: line 1, column 1 ($): expected a JSON document, found an empty input"),
        Case("truncated", truncated,
             "bad.json: line 1, column 121 ($.permissions[\"Mail.Read\"].pathSets[0]): expected ':' after the member "
                 + "name, found the end of the input"),
        Case("not JSON", "schemeKeys: [DelegatedWork]", "bad.json: line 1, column 1 ($): expected a value, found 's'"),
        Case("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
             "bad.json: line 1, column 1 ($): expected a value, found byte 0x89"),
        Case("invalid UTF-8 in a string", [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D],
             "bad.json: line 1, column 3 ($): expected UTF-8 text, found invalid bytes in a string"),
        Case("top-level array", "[1, 2]",
             "bad.json: $: expected an object: a permissions document, provisioningInfo, permission descriptions or a "
                 + "service principal, found an array"),
        Case("valid JSON of the wrong kind", #"{"name": "graphperm", "version": 1}"#,
             "bad.json: $: expected a permissions document (permissions), provisioningInfo (permissionDeployments), "
                 + "permission descriptions (delegatedScopesList) or the Microsoft Graph service principal (appRoles, "
                 + "oauth2PermissionScopes), found an object with members: name, version"),
        Case("permissions is an array", #"{"permissions": []}"#,
             "bad.json: $.permissions: expected an object, found an array"),
        Case("methods is a string", valid.replacingOccurrences(of: #"["GET"]"#, with: #""GET""#),
             "bad.json: $.permissions[\"Mail.Read\"].pathSets[0].methods: expected an array, found a string"),
        Case("unknown method", valid.replacingOccurrences(of: #"["GET"]"#, with: #"["FETCH"]"#),
             "bad.json: $.permissions[\"Mail.Read\"].pathSets[0].methods[0]: expected an HTTP method in capitals (GET, "
                 + "POST, PUT, PATCH, DELETE), found a string"),
        Case("unknown scheme", valid.replacingOccurrences(of: #"["DelegatedWork"]"#, with: #"["Delegated"]"#),
             "bad.json: $.permissions[\"Mail.Read\"].pathSets[0].schemeKeys[0]: expected DelegatedWork, "
                 + "DelegatedPersonal or Application, found a string"),
        Case("consent is a string", valid.replacingOccurrences(of: "false", with: #""no""#),
             "bad.json: $.permissions[\"Mail.Read\"].schemes.DelegatedWork.requiresAdminConsent: expected true or "
                 + "false, found a string"),
        Case("broken marker", valid.replacingOccurrences(of: "least=DelegatedWork", with: "least"),
             "bad.json: $.permissions[\"Mail.Read\"].pathSets[0].paths[\"/me/messages\"]: expected name=value pairs "
                 + "joined by ';' with each name once (least=Scheme,... or AlsoRequires=Permission,...), found "
                 + "\"least\""),
        // A path template without its leading slash is read with one (Kibali's own test documents have one), so an
        // empty one stands for what is still refused.
        Case("empty path", valid.replacingOccurrences(of: "\"/me/messages\"", with: "\" \""),
             "bad.json: $.permissions[\"Mail.Read\"].pathSets[0].paths[\" \"]: expected a path template such as "
                 + "/users/{id} (at most 2000 bytes)"),
        Case("duplicate keys", #"{"permissions": {"Mail.Read": {}, "Mail.Read": {}}}"#,
             "bad.json: line 1, column 35 ($.permissions): duplicate key \"Mail.Read\" (a key may appear once per "
                 + "object)"),
        Case("deep nesting", deep, deepPlace),
        Case("huge permission name", hugeNameDocument, hugeNameMessage),
        Case("huge description",
             valid.replacingOccurrences(of: #""requiresAdminConsent": false"#, with: hugeDescription),
             "bad.json: $.permissions[\"Mail.Read\"].schemes.DelegatedWork.adminDescription: expected a string of at "
                 + "most 65536 bytes (found 100000 bytes), found a string"),
        Case("bad GUID in the service principal", #"{"appRoles": [{"id": "not-a-guid", "value": "Mail.Read"}]}"#,
             "bad.json: $.appRoles[0].id: expected a GUID like 00000000-0000-0000-0000-000000000000, found "
                 + "\"not-a-guid\""),
        Case("provisioning scheme unknown",
             #"{"permissionDeployments": {"Mail.Read": [{"id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "scheme": "#
                 + #""Delegated"}]}}"#,
             "bad.json: $.permissionDeployments[\"Mail.Read\"][0].scheme: expected DelegatedWork, DelegatedPersonal or "
                 + "Application, found a string"),
        Case("provisioning deployments not an array", #"{"permissionDeployments": {"Mail.Read": {"id": "x"}}}"#,
             "bad.json: $.permissionDeployments[\"Mail.Read\"]: expected an array, found an object"),
        Case("scope without a name", #"{"delegatedScopesList": [{"id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca"}]}"#,
             "bad.json: $.delegatedScopesList[0].value: expected a string, the member is missing"),
    ]

    @Test(arguments: cases)
    /// Every case is bad data (exit 65).
    func badInputFailsClearlyAndChangesNothing(_ badInput: Case) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let database = folder.path + "/kb.sqlite"
        let goodFacts = try KnowledgeLoader.gather(paths: [folder.file("good.json", Self.valid)],
                                                   dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(goodFacts, to: database)
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let bad = folder.file("bad.json", badInput.bytes)
        do {
            let facts = try KnowledgeLoader.gather(paths: [folder.path + "/good.json", bad],
                                                   dataDirectory: Resources.dataDirectory)
            try KnowledgeBaseWriter.write(facts, to: database)
            Issue.record("the load of \(badInput.name) succeeded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description == folder.path + "/" + badInput.message)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["bad.json", "good.json", "kb.sqlite"])
        // The same through the load that writes while it reads: the new file is abandoned and removed.
        do {
            _ = try KnowledgeBaseWriter.load(paths: [folder.path + "/good.json", bad],
                                             dataDirectory: Resources.dataDirectory, to: database)
            Issue.record("the pipelined load of \(badInput.name) succeeded")
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description == folder.path + "/" + badInput.message)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["bad.json", "good.json", "kb.sqlite"])
    }

    @Test func missingFilesAndFoldersAreIOErrors() {
        #expect(throws: LoadError.io(file: "/nonexistent/permissions.json", message: "no such file or folder")) {
            try KnowledgeLoader.gather(paths: ["/nonexistent/permissions.json"], dataDirectory: Resources.dataDirectory)
        }
        let facts = KnowledgeFacts()
        #expect(throws: LoadError.io(file: "/nonexistent/kb.sqlite",
                                     message: "the folder /nonexistent does not exist")) {
            try KnowledgeBaseWriter.write(facts, to: "/nonexistent/kb.sqlite")
        }
        #expect(throws: LoadError.io(file: "/nonexistent/kb.sqlite",
                                     message: "the folder /nonexistent does not exist")) {
            try KnowledgeBaseWriter.load(paths: [TemporaryFolder.fixture("mini-permissions.json")],
                                         dataDirectory: Resources.dataDirectory, to: "/nonexistent/kb.sqlite")
        }
    }

    @Test func readOnlyDatabasesAnswerAndReadOnlyFoldersRefuseLoads() throws {
        let folder = TemporaryFolder()
        defer {
            chmod(folder.path, 0o755)
            folder.remove()
        }
        let db = folder.path + "/kb.sqlite"
        let goodFacts = try KnowledgeLoader.gather(paths: [folder.file("good.json", Self.valid)],
                                                   dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(goodFacts, to: db)
        chmod(db, 0o444)
        #expect(try KnowledgeBase.open(path: db).least(method: "GET", target: "/me/messages")[.delegatedWork]?.least
            == ["Mail.Read"])
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        chmod(folder.path, 0o555)
        if getuid() == 0 {
            // Root writes anywhere, so the load runs as the unprivileged user `nobody` (setpriv, util-linux).
            let result = try CommandRunner.execute(
                "/usr/bin/setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", CommandRunner.binary, "load",
                 folder.path + "/good.json", "--db", db],
                environment: ["PATH": "/usr/bin:/bin", "HOME": "/dev/null/none"], directory: nil, stdin: "")
            #expect(result.status == 74, "\(result.stderr)")
            #expect(result.stderr.contains("could not be written"), "\(result.stderr)")
        } else {
            #expect(throws: LoadError.self) {
                let facts = try KnowledgeLoader.gather(paths: [], dataDirectory: Resources.dataDirectory)
                try KnowledgeBaseWriter.write(facts, to: db)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["good.json", "kb.sqlite"])
    }

    @Test func brokenEmbeddedDataIsReported() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let data = ResourceFolder(directory: URL(fileURLWithPath: folder.path))
        _ = folder.file("security-entities.json", #"""
            {"about": "t", "entities": [{"permission": "SecurityEvents.Read.All", "entity": "alerts", \#
            "resourcePath": "/alerts", "methods": ["GET"], "preview": false, "docLink": "x"}]}
            """#)
        _ = folder.file("admin-roles.json", #"{"about": "t", "roles": []}"#)
        _ = folder.file("tiers.json", "{}")
        #expect(throws: LoadError.data(file: folder.path + "/security-entities.json",
                                       place: "$.entities[0].resourcePath",
                                       message: "expected a path under /security/, found a string")) {
            try KnowledgeLoader.gather(paths: [], dataDirectory: data)
        }
        _ = folder.file("security-entities.json", #"{"about": "t", "entities": []}"#)
        _ = folder.file("admin-roles.json", #"{"about": "t", "roles": [{"role": "Security Reader", "id": "x"}]}"#)
        #expect(throws: LoadError.data(file: folder.path + "/admin-roles.json", place: "$.roles[0].id",
                                       message: "expected one of the members role, roleTemplateId, securityApi, "
                                           + "not id, found a string")) {
            try KnowledgeLoader.gather(paths: [], dataDirectory: data)
        }
    }
}
