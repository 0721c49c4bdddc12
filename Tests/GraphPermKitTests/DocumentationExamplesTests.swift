import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The examples people copy: every `$ graphperm …` block of the README prints exactly what the README shows
/// (stderr lines, then stdout), and every example of every command's `--help` runs and exits as documented.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct DocumentationExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Words of a shell command line: single and double quotes, no expansion.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character? = nil
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// A folder holding the files the examples name (a token, claims, calls, a HAR file, a manifest, queries).
    static func exampleFolder() -> TemporaryFolder {
        let folder = TemporaryFolder()
        let payload =
            #"{"aud":"https://graph.microsoft.com","exp":4102444800,"idtyp":"user","scp":"User.Read Mail.Read"}"#
        func base64URL(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        _ = folder.file("token.txt", base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + base64URL(payload) + ".")
        _ = folder.file("claims.json", payload)
        _ = folder.file(
            "error.json",
            #"""
            {"error": {"code": "Authorization_RequestDenied", "message": "Insufficient privileges to complete the \#
            operation."}}
            """#
        )
        _ = folder.file("calls.txt", "GET /me\nGET /me/messages\nPOST /me/sendMail\n")
        _ = folder.file(
            "session.har",
            #"""
            {"log": {"entries": [{"request": {"method": "GET", "url": \#
            "https://graph.microsoft.com/v1.0/users/a@contoso.com/messages"}}]}}
            """#
        )
        _ = folder.file(
            "manifest.json",
            #"""
            {"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": \#
            [{"id": "e1fe6dd8-ba31-4d61-89e7-88639da4683d", "type": "Scope"}]}]}
            """#
        )
        _ = folder.file("audit.gpq", "-- an audit\nleast GET /security/alerts\n")
        _ = folder.file("my-audit.gpq", "-- an audit\nwho can GET /me/messages\n")
        for (name, fixture) in [
            ("permissions.json", "mini-permissions.json"), ("servicePrincipal.json", "mini-service-principal.json"),
        ] {
            try? FileManager.default.copyItem(
                atPath: TemporaryFolder.fixture(fixture), toPath: folder.path + "/" + name)
        }
        // A tenant export, for `audit --tenant tenant-export`.
        try? FileManager.default.copyItem(
            atPath: TemporaryFolder.fixture("tenant-export"), toPath: folder.path + "/tenant-export")
        // A mirror of Microsoft's three files, for `sync --from ./mirror`.
        try? FileManager.default.createDirectory(atPath: folder.path + "/mirror", withIntermediateDirectories: true)
        for name in ["permissions.json", "provisioningInfo.json", "permissions-descriptions.json"] {
            try? FileManager.default.copyItem(
                atPath: SnapshotData.directory + "/" + name, toPath: folder.path + "/mirror/" + name)
        }
        return folder
    }

    @Test func readmeExamplesPrintWhatTheReadmeShows() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let folder = Self.exampleFolder()
        defer { folder.remove() }
        var checked = 0
        var block: [String]? = nil
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let lines = block, let first = lines.first, first.hasPrefix("$ graphperm ") {
                    checked += 1
                    let arguments = Array(Self.words(String(first.dropFirst(2))).dropFirst())
                    let result = try CommandRunner.run(
                        arguments, environment: ["GRAPHPERM_DB": SnapshotData.knowledgeBase.location],
                        directory: folder.path)
                    let shown = (result.stderr + result.stdout).split(separator: "\n", omittingEmptySubsequences: false)
                        .map(String.init).filter { !$0.isEmpty }
                    #expect(shown == Array(lines.dropFirst()).filter { !$0.isEmpty }, "README: \(first)")
                }
                block = block == nil ? [] : nil
                continue
            }
            block?.append(line)
        }
        #expect(checked >= 5)
    }

    @Test func everyHelpExampleRunsAndExitsAsDocumented() throws {
        let folder = Self.exampleFolder()
        defer { folder.remove() }
        let commands = [
            "least", "show", "table", "reference", "need", "audit", "diagnose", "claims", "sql", "query",
            "queries", "run", "load", "stats", "sync", "mcp", "diff", "changes",
        ]
        var ran = 0
        for command in commands {
            // At 80 columns, as in a terminal of that width: an example wrapped mid-command fails below.
            let help = try CommandRunner.run([command, "--help"], environment: ["COLUMNS": "80"])
            #expect(help.status == 0, "graphperm \(command) --help exited \(help.status)")
            let examples = help.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .drop { $0 != "Examples:" }.dropFirst().prefix {
                    $0.hasPrefix("graphperm ") || $0.hasPrefix("printf ") || $0.hasPrefix("pbpaste ")
                }
            for example in examples where example.hasPrefix("graphperm ") {
                var arguments = Array(Self.words(example).dropFirst())
                    .map { $0 == "../shared/graph-data" ? SnapshotData.directory : $0 }
                // Examples that write a knowledge base write their own, never the shared snapshot's.
                if command == "load" || command == "sync" || arguments.contains("--db") {
                    if let index = arguments.firstIndex(of: "--db") {
                        arguments[index + 1] = folder.path + "/example-\(ran).sqlite"
                    } else {
                        arguments += ["--db", folder.path + "/example-\(ran).sqlite"]
                    }
                }
                let result = try CommandRunner.run(
                    arguments, environment: ["GRAPHPERM_DB": SnapshotData.knowledgeBase.location],
                    directory: folder.path)
                ran += 1
                // sync reaches no network here: 74 is its documented exit for that. 1 is "no answer" or "denied".
                let allowed: Set<Int32> = command == "sync" ? [0, 74] : [0, 1]
                #expect(
                    allowed.contains(result.status), "\(example): exit \(result.status)\n\(result.stderr.prefix(600))")
                #expect(!result.stderr.contains("Error: "), "\(example): usage error\n\(result.stderr.prefix(600))")
            }
        }
        #expect(ran >= 25)
    }
}
