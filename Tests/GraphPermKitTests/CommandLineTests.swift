import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The built binary: exit codes, stdout carrying data only, stderr carrying the rest.
@Suite(.serialized)
struct CommandLineTests {
    /// Where no knowledge base is and none can be made (a HOME where no folder can be created), the Security API
    /// table compiled in answers.
    @Test func answersFromTheEmbeddedSecurityTableWhenNoKnowledgeBaseCanBeBuilt() throws {
        let result = try CommandRunner.run(["least", "GET", "/security/alerts", "--format", "json"])
        #expect(result.status == 0)
        #expect(
            result.stdout
                == #"""
                    {"request":{"method":"GET","url":"/security/alerts"},"template":"/security/alerts",\#
                    "schemes":{"DelegatedWork":{"least":["SecurityEvents.Read.All"],\#
                    "higher":["SecurityEvents.ReadWrite.All"],"recommended":"SecurityEvents.Read.All",\#
                    "why":"Microsoft's choice; none of the 2 that grant this call is less privileged",\#
                    "tiers":{"SecurityEvents.Read.All":1,"SecurityEvents.ReadWrite.All":1}},"DelegatedPersonal":null,\#
                    "Application":{"least":["SecurityEvents.Read.All"],"higher":["SecurityEvents.ReadWrite.All"],\#
                    "recommended":"SecurityEvents.Read.All","why":"Microsoft's choice; none of the 2 that grant this \#
                    call is less privileged","tiers":{"SecurityEvents.Read.All":1,\#
                    "SecurityEvents.ReadWrite.All":1}}},"basis":"security-table","notes":[]}
                    """#
                + "\n")
        #expect(result.stderr.contains("answering from the embedded Graph Security API table"))
    }

    @Test func loadsThenAnswersAndBatches() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        let load = try CommandRunner.run([
            "load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db, "--format", "json",
        ])
        #expect(load.status == 0)
        #expect(load.stdout.hasPrefix(#"{"counts":{"permissions":10,"#))
        let least = try CommandRunner.run(
            ["least", "GET", "/users/abc/messages", "--scheme", "application", "--format", "csv"],
            environment: ["GRAPHPERM_DB": db])
        #expect(least.status == 0)
        #expect(
            least.stdout
                == """
                    Permission type,Least privileged permissions,Higher privileged \
                    permissions,Tier\r\nApplication,Mail.Read,Mail.ReadWrite,T1\r\n
                    """
        )
        let batch = try CommandRunner.run(
            ["least", "--batch", "--db", db],
            stdin: "GET /me/messages\n\n{\"method\": \"DELETE\", \"url\": \"/me/messages/1\"}\nnonsense\nGET /nowhere\n"
        )
        #expect(batch.status == 0)
        let lines = batch.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix(#"{"request":{"method":"GET","url":"/me/messages"},"template":"/me/messages""#))
        #expect(lines[1].contains(#""Application":null"#))
        #expect(
            lines[2]
                == #"""
                    {"request":"nonsense","error":"expected `METHOD URL` or a JSON object {\"method\": ..., \"url\": \#
                    ...}"}
                    """#
        )
        #expect(
            lines[3]
                == #"""
                    {"request":{"method":"GET","url":"/nowhere"},"error":"Microsoft's permission data documents no \#
                    permission for GET /nowhere"}
                    """#
        )
    }

    @Test func exitCodesFollowTheDocumentedScheme() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        #expect(
            try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let unknown = try CommandRunner.run(["least", "GET", "/me/mesages", "--db", db])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty && unknown.stderr.contains("did you mean: /me/messages"))
        let usage = try CommandRunner.run(["least", "GET"])
        #expect(usage.status == 64)
        let badData = try CommandRunner.run(["load", folder.file("bad.json", "{\"permissions\": [}"), "--db", db])
        #expect(badData.status == 65 && badData.stderr.contains("bad.json: line 1, column 18"))
        let missing = try CommandRunner.run(["load", folder.path + "/none.json", "--db", db])
        #expect(missing.status == 74 && missing.stderr.contains("none.json: no such file or folder"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let write = try CommandRunner.run(["sql", "DELETE FROM grants", "--db", db])
        #expect(write.status == 65 && write.stderr.contains("refused"))
        let attach = try CommandRunner.run(["sql", "ATTACH DATABASE '/tmp/x.sqlite' AS x", "--db", db])
        #expect(attach.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        let notADatabase = try CommandRunner.run([
            "stats", "--db", folder.file("text.sqlite", "hello, this is not SQLite"),
        ])
        #expect(notADatabase.status == 65 && notADatabase.stderr.contains("is not a graphperm knowledge base"))
    }

    @Test func aDatabaseOfAnotherSchemaVersionIsRefusedWithAHint() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        #expect(
            try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, "PRAGMA user_version = 99"]
        try process.run()
        process.waitUntilExit()
        let result = try CommandRunner.run(["stats", "--db", db])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                """
                has schema version 99, this graphperm reads version \(KnowledgeBase.schemaVersion): rebuild it with \
                `graphperm load --db
                """
            ))
    }

    @Test func showsPermissionsAndRoles() throws {
        let role = try CommandRunner.run(["show", "194ae4cb-b126-40b2-bd5b-6091b380977d", "--format", "json"])
        #expect(
            role.status == 0
                && role.stdout
                    == #"{"role":"Security Administrator","roleTemplateId":"194ae4cb-b126-40b2-bd5b-6091b380977d"}"#
                    + "\n"
        )
        let table = try CommandRunner.run(["table", "GET", "/security/alerts"])
        #expect(table.stdout == """
            |Permission type|Least privileged permissions|Higher privileged permissions|
            |:---|:---|:---|
            |Delegated (work or school account)|SecurityEvents.Read.All|SecurityEvents.ReadWrite.All|
            |Delegated (personal Microsoft account)|Not supported.|Not supported.|
            |Application|SecurityEvents.Read.All|SecurityEvents.ReadWrite.All|


            """)
    }
}
