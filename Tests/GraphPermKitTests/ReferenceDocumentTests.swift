import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The generated reference documents.
struct ReferenceDocumentTests {
    static let seed = URL(fileURLWithPath: SnapshotData.directory).deletingLastPathComponent().appendingPathComponent(
        "seeds/001_18090244bb343a66.txt"
    ).path

    /// The seed's table with the white space around cell borders and line breaks folded.
    static func folded(_ table: String) -> String {
        table.split(separator: "\n").map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: "|")
                .replacingOccurrences(of: " </br>", with: "</br>").replacingOccurrences(of: "</br> ", with: "</br>")
        }.joined(separator: "\n")
    }

    static func seedTable(startingWith header: String) throws -> String {
        let text = try String(contentsOfFile: seed, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = lines.firstIndex { $0.hasPrefix(header) }!
        return lines[start...].prefix { $0.hasPrefix("|") }.joined(separator: "\n") + "\n"
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: seed), "the seed documents are not at ../shared/seeds"))
    func securityAndRolesTablesReproduceTheSeedDocument() throws {
        let kb = try KnowledgeBase.embedded()
        let security = try kb.reference(.security)[0].markdown
        #expect(Self.folded(security) == Self.folded(try Self.seedTable(startingWith: "|Permission | Entity")))
        let roles = try kb.reference(.roles)[0].markdown
        #expect(roles == (try Self.seedTable(startingWith: "|Microsoft Entra role|")))
    }

    /// Each process hashes with its own random seed, so output that iterated a Set or Dictionary would differ here.
    @Test func outputIsTheSameInSeparateProcesses() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        try KnowledgeBase.buildFromSnapshot(at: db)
        let commands: [[String]] = [
            ["reference", "permissions"], ["reference", "api"], ["show", "Mail.Read", "--format", "json"],
            ["least", "PATCH", "/users/{id}", "--format", "json"], ["table", "GET", "/me/messages"],
            ["need", "--format", "json", "-"], ["query", "permissions where name like 'Mail.%'", "--format", "csv"],
        ]
        for command in commands {
            let stdin = command.last == "-" ? "GET /me/messages\nPOST /me/sendMail\nGET /users\n" : ""
            let runs = try (0..<3).map { _ in try CommandRunner.run(command + ["--db", db], stdin: stdin) }
            #expect(runs[0].status == 0, "\(command): \(runs[0].stderr)")
            #expect(!runs[0].stdout.isEmpty, "\(command)")
            #expect(
                runs.allSatisfy { $0.stdout == runs[0].stdout },
                "\(command) printed different output in another process")
        }
    }

    /// The fixture's documents byte for byte (determinism across processes is `outputIsTheSameInSeparateProcesses`).
    @Test func fixtureDocumentsMatchTheirGoldenFiles() throws {
        let kb = QueryFixture.knowledgeBase
        let api = try kb.reference(.api)
        #expect(api.map(\.name) == ["api-chats.md", "api-me.md", "api-security.md", "api-users.md"])
        try Golden.check(api.map(\.markdown).joined(separator: "\n"), file: "reference/api-fixture.md")
        try Golden.check(try kb.reference(.permissions)[0].markdown, file: "reference/permissions-fixture.md")
    }

    /// The golden `reference api` document against the independent re-statement of Microsoft's table rules
    /// (Scripts/kibali_tables.py) over the fixture's permissions document: every table it renders, byte for byte.
    @Test(.enabled(if: Python.isAvailable, Python.skipMessage))
    func goldenAPIDocumentAgreesWithTheIndependentRules() throws {
        let (status, text) = try Python.run(
            "kibali_tables.py",
            [
                TemporaryFolder.fixture("diagnose-permissions.json"),
                QueryFixture.goldenDirectory.appendingPathComponent("reference/api-fixture.md").path,
            ])
        #expect(status == 0)
        #expect(text.contains("agrees byte for byte on 10/10 rendered tables"), "\(text)")
    }

    @Test(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage),
        arguments: [
            ("GET", "/me/messages"), ("PATCH", "/users/{id}"), ("GET", "/groups"), ("GET", "/security/alerts"),
                      ("PATCH", "/applications/{id}/onPremisesPublishing"), ("POST", "/me/authentication/emailmethods"),
                      ("GET", "/me/messages;/users/{id}/messages")])
    func realOperationsMatchTheirGoldenTables(method: String, urls: String) throws {
        let table = try SnapshotData.knowledgeBase.permissionTable(method: method, urls: urls)
        let name = (method + urls).lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        try Golden.check(table.markdown, file: "tables/real-\(String(name)).md")
    }
}
