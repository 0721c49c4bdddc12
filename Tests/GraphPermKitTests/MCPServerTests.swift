import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermStore

/// `graphperm mcp` driven over stdio as an MCP client drives it; each tool's structured content is compared with
/// what `graphperm ... --format json` prints for the same question.
@Suite(.serialized)
struct MCPServerTests {
    /// A knowledge base built from the snapshot compiled in (no files of Microsoft's needed).
    static let database: String = {
        let path = NSTemporaryDirectory() + "graphperm-mcp-tests-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            _ = try! KnowledgeBaseWriter.load(
                inputs: Snapshot.documents(), dataDirectory: Resources.dataDirectory, to: path)
        }
        return path
    }()

    static let claims: [String: any Sendable] = [
        "aud": "https://graph.microsoft.com", "scp": "User.Read Mail.ReadBasic", "idtyp": "user",
        "exp": 1_900_000_000, "nbf": 1_700_000_000, "tid": "72f988bf-86f1-41af-91ab-2d7cd011db47", "ver": "1.0",
    ]

    static func started() throws -> MCPClient {
        let client = try MCPClient(["--db", database])
        _ = try client.initialize()
        return client
    }

    /// What the CLI prints as JSON for the same question.
    static func cli(_ arguments: [String]) throws -> (json: Any?, stderr: String, status: Int32) {
        let result = try CommandRunner.run(arguments + ["--format", "json", "--db", database])
        let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
        return (json, result.stderr, result.status)
    }

    /// The CLI's last message on stderr, less its `graphperm: ` prefix: the text a tool error must carry.
    static func cliMessage(_ stderr: String) -> String {
        let last = stderr.split(separator: "\n").last.map(String.init) ?? ""
        return last.hasPrefix("graphperm: ") ? String(last.dropFirst("graphperm: ".count)) : last
    }

    static func text(_ result: [String: Any]) -> String {
        ((result["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
    }

    static func temporaryFile(_ name: String, _ contents: String) throws -> String {
        let path = NSTemporaryDirectory() + "graphperm-mcp-\(ProcessInfo.processInfo.processIdentifier)-\(name)"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func initializeNegotiatesAndListsTheTools() throws {
        let client = try MCPClient(["--db", Self.database])
        let answer = try client.initialize()
        let result = try #require(answer["result"] as? [String: Any])
        #expect(result["protocolVersion"] as? String == "2025-06-18")
        #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "graphperm")
        let capabilities = try #require(result["capabilities"] as? [String: Any])
        #expect(capabilities["tools"] != nil && capabilities["resources"] != nil && capabilities["prompts"] != nil)

        let tools = try #require(
            (try client.request("tools/list")["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(
            tools.map { $0["name"] as? String } == [
                "least", "who_can", "show", "table", "need", "diagnose", "guard", "query",
            ])
        let required: [String: [String]] = [
            "least": ["method", "url"], "who_can": ["method", "url"], "show": ["name_or_id"],
            "table": ["method", "urls"],
            "need": ["calls"], "diagnose": ["method", "url"], "guard": ["method", "url"], "query": ["statement"],
        ]
        for tool in tools {
            let name = tool["name"] as? String ?? ""
            let schema = try #require(tool["inputSchema"] as? [String: Any])
            #expect(schema["additionalProperties"] as? Bool == false, "\(name)")
            #expect((schema["required"] as? [String]) == required[name], "\(name)")
            #expect((tool["annotations"] as? [String: Any])?["readOnlyHint"] as? Bool == true, "\(name)")
        }
        let guardArguments = try #require(
            (tools.first { $0["name"] as? String == "guard" }?["inputSchema"] as? [String: Any])?["properties"]
                as? [String: Any])
        #expect(Set(guardArguments.keys) == ["method", "url", "scheme", "maxTier", "allowed"])
        #expect(try client.finish().status == 0)
        #expect(client.lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    /// One question asked of the server and of the CLI.
    struct Agreement: CustomTestStringConvertible, Sendable {
        let tool: String
        let arguments: [String: any Sendable]
        let cli: [String]
        var testDescription: String { "\(tool) ↔ graphperm \(cli.joined(separator: " "))" }
    }

    static let agreements: [Agreement] = [
        Agreement(
            tool: "least", arguments: ["method": "GET", "url": "https://graph.microsoft.com/v1.0/me/messages"],
            cli: ["least", "GET", "https://graph.microsoft.com/v1.0/me/messages"]),
        Agreement(
            tool: "least",
            arguments: ["method": "PATCH", "url": "/applications/abc/onPremisesPublishing", "scheme": "application"],
            cli: ["least", "PATCH", "/applications/abc/onPremisesPublishing", "--scheme", "application"]),
        Agreement(tool: "least", arguments: ["method": "PATCH", "url": "alerts"], cli: ["least", "PATCH", "alerts"]),
        Agreement(
            tool: "who_can", arguments: ["method": "GET", "url": "/security/alerts"],
            cli: ["query", "who can GET /security/alerts"]),
        Agreement(tool: "show", arguments: ["name_or_id": "Mail.Read"], cli: ["show", "Mail.Read"]),
        Agreement(
            tool: "show", arguments: ["name_or_id": "5d6b6bb7-de71-4623-b4af-96380a352509"],
            cli: ["show", "5d6b6bb7-de71-4623-b4af-96380a352509"]),
        Agreement(
            tool: "table", arguments: ["method": "GET", "urls": ["/me/messages", "/users/{id}/messages"]],
            cli: ["table", "GET", "/me/messages;/users/{id}/messages"]),
        Agreement(
            tool: "query", arguments: ["statement": "permissions where resource = 'Mail' order by name"],
            cli: ["query", "permissions where resource = 'Mail' order by name"]),
        Agreement(
            tool: "query", arguments: ["statement": "least DELETE /users/{id}"],
            cli: ["query", "least DELETE /users/{id}"]),
    ]

    @Test(arguments: agreements)
    func structuredContentIsTheCLIsJSON(_ case_: Agreement) throws {
        let client = try Self.started()
        let result = try client.callTool(case_.tool, case_.arguments)
        _ = try client.finish()
        #expect(result["isError"] == nil, "\(Self.text(result))")
        #expect(!Self.text(result).isEmpty)
        let expected = try #require(try Self.cli(case_.cli).json)
        let structured = try #require(result["structuredContent"] as? [String: Any])
        let actual: Any = expected is [Any] ? structured["rows"] as Any : structured
        #expect(NSDictionary(dictionary: ["v": actual]).isEqual(to: ["v": expected]), "\(structured)\nCLI: \(expected)")
    }

    @Test func needAndDiagnoseAgreeWithTheCLI() throws {
        let calls = [
            ("GET", "/me/messages"), ("POST", "/me/sendMail"), ("GET", "/users/{id}/memberOf"),
            ("GET", "/nothing/here"),
        ]
        let callsFile = try Self.temporaryFile("calls.txt", calls.map { "\($0.0) \($0.1)\n" }.joined())
        let claimsFile = try Self.temporaryFile("claims.json", MCPClient.json(Self.claims))
        let token = "eyJhbGciOiJub25lIn0." + Self.base64URL(MCPClient.json(Self.claims)) + ".c2lnbmF0dXJl"
        let tokenFile = try Self.temporaryFile("token.txt", token)
        defer { for file in [callsFile, claimsFile, tokenFile] { try? FileManager.default.removeItem(atPath: file) } }

        let client = try Self.started()
        let need = try client.callTool("need", ["calls": calls.map { ["method": $0.0, "url": $0.1] }])
        let diagnose: [String: Any] = [
            "method": "GET", "url": "/me/messages", "status": 403, "at": "2026-11-23T12:00:00Z",
        ]
        let byClaims = try client.callTool("diagnose", diagnose.merging(["claims": Self.claims]) { $1 })
        let byFile = try client.callTool("diagnose", diagnose.merging(["token_file": tokenFile]) { $1 })
        let finished = try client.finish()

        let cliNeed = try #require(try Self.cli(["need", callsFile]).json)
        #expect(
            NSDictionary(dictionary: need["structuredContent"] as? [String: Any] ?? [:]).isEqual(
                to: cliNeed as? [String: Any] ?? ["": ""]))
        let cliDiagnose = try #require(
            try Self.cli(
                [
                    "diagnose", "GET", "/me/messages", "--claims", claimsFile, "--status", "403", "--at",
                    "2026-11-23T12:00:00Z",
                ]).json)
        for result in [byClaims, byFile] {
            #expect(
                NSDictionary(dictionary: result["structuredContent"] as? [String: Any] ?? [:]).isEqual(
                    to: cliDiagnose as? [String: Any] ?? ["": ""]),
                "\(result)")
        }
        // The token is never written back: not in any answer, not on stderr.
        #expect(!client.lines.contains { $0.contains(token) || $0.contains(String(token.split(separator: ".")[1])) })
        #expect(!finished.stderr.contains(token))
    }

    static func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// A bad call and the words its tool error must hold.
    struct BadCall: CustomTestStringConvertible, Sendable {
        let tool: String
        let arguments: [String: any Sendable]
        let message: String
        var testDescription: String { "\(tool): \(message)" }
    }

    static let badCalls: [BadCall] = [
        BadCall(tool: "least", arguments: [:], message: "least: missing required argument 'method' (a string)"),
        BadCall(
            tool: "least", arguments: ["method": "GET", "url": 42],
            message: "least: argument 'url' must be a string, not a number"),
        BadCall(
            tool: "least", arguments: ["method": "GET", "url": "/me", "verbose": true],
            message: "least: unknown argument 'verbose' (it takes method, url, scheme)"),
        BadCall(
            tool: "least", arguments: ["method": "GET", "url": "/me", "scheme": "robots"],
            message: "least: scheme takes delegated, work, personal or application, not 'robots'"),
        BadCall(
            tool: "who_can", arguments: ["method": "GET"],
            message: "who_can: missing required argument 'url' (a string)"),
        BadCall(
            tool: "show", arguments: ["name_or_id": ["Mail.Read"]],
            message: "show: argument 'name_or_id' must be a string, not an array"),
        BadCall(
            tool: "table", arguments: ["method": "GET", "urls": [String]()],
            message: "table: argument 'urls' must be a non-empty array of strings, not an empty array"),
        BadCall(
            tool: "table", arguments: ["method": "GET", "urls": ["/me", 7] as [any Sendable]],
            message: "table: argument 'urls[1]' must be a string, not a number"),
        BadCall(
            tool: "need", arguments: ["calls": [["method": "GET"]]],
            message: "need: argument 'calls[0]' lacks 'url' (a string)"),
        BadCall(
            tool: "need", arguments: ["calls": [["method": "GET", "url": "/me", "body": "{}"]]],
            message: "need: argument 'calls[0]' has an unknown member 'body' (a call has method and url)"),
        BadCall(
            tool: "need", arguments: ["calls": "GET /me"],
            message:
                "need: argument 'calls' must be a non-empty array of {\"method\": ..., \"url\": ...} objects, "
                    + "not a string"
        ),
        BadCall(
            tool: "diagnose", arguments: ["method": "GET", "url": "/me"],
            message: "diagnose: give the token's decoded claims (claims) or a file holding it (token_file)"),
        BadCall(
            tool: "diagnose",
            arguments: ["method": "GET", "url": "/me", "claims": ["scp": "User.Read"], "token_file": "t.txt"],
            message: "diagnose: give the token one way only: claims or token_file, not both"),
        BadCall(
            tool: "diagnose",
            arguments: ["method": "GET", "url": "/me", "token": "eyJhbGciOiJub25lIn0.eyJzY3AiOiJVc2VyLlJlYWQifQ."],
            message:
                "diagnose: unknown argument 'token' (it takes method, url, claims, token_file, status, error_body, "
                    + "at, partial_claims)"
        ),
        BadCall(
            tool: "diagnose",
            arguments: ["method": "GET", "url": "/me", "claims": ["scp": "User.Read"], "status": "403"],
            message: "diagnose: argument 'status' must be an integer, not a string"),
        BadCall(
            tool: "diagnose", arguments: ["method": "GET", "url": "/me", "token_file": "/nonexistent/token.txt"],
            message: "error: /nonexistent/token.txt: no such file"),
        BadCall(
            tool: "guard", arguments: ["method": "GET", "url": "/me"],
            message: "guard: give the policy: allowed (the permissions the caller may use), maxTier, or both"),
        BadCall(
            tool: "guard", arguments: ["method": "GET", "url": "/me", "maxTier": 5],
            message: "guard: maxTier: expected 0, 1 or 2 (0 is the most dangerous tier)"),
        BadCall(
            tool: "guard", arguments: ["method": "GET", "url": "/me", "allowed": ["Mail.Raed"]],
            message: "guard: allowed[0]: no entity or path named Mail.Raed; did you mean: Mail.Read"),
        BadCall(
            tool: "query", arguments: ["statement": "roles; entities"],
            message: "query: the text holds 2 statements: send one statement per call"),
        BadCall(
            tool: "query", arguments: ["statement": 5],
            message: "query: argument 'statement' must be a string, not a number"),
    ]

    @Test(arguments: badCalls)
    func badArgumentsAreToolErrors(_ bad: BadCall) throws {
        let client = try Self.started()
        let result = try client.callTool(bad.tool, bad.arguments)
        let after = try client.request("ping")
        #expect(try client.finish().status == 0)
        #expect(result["isError"] as? Bool == true)
        #expect(result["structuredContent"] == nil)
        #expect(Self.text(result).hasPrefix(bad.message), "\(Self.text(result))")
        #expect(!Self.text(result).contains("eyJ"), "a tool error quotes no token")
        #expect(after["result"] != nil, "the server answers after a bad call")
    }

    /// Questions the knowledge base cannot answer: the tool error is the message the CLI prints on stderr.
    @Test(
        arguments: [
            (["method": "GET", "url": "/me/mesages"], ["least", "GET", "/me/mesages"]),
            (["method": "FETCH", "url": "/me"], ["least", "FETCH", "/me"]),
            (
                ["method": "GET", "url": "https://graph.windows.net/tenant/users"],
                ["least", "GET", "https://graph.windows.net/tenant/users"]
            ),
        ] as [([String: String], [String])])
    func lookupErrorsCarryTheCLIsMessage(_ arguments: [String: String], _ cli: [String]) throws {
        let client = try Self.started()
        let result = try client.callTool("least", arguments)
        _ = try client.finish()
        let expected = try Self.cli(cli)
        #expect(expected.status == 1 || expected.status == 64)
        #expect(result["isError"] as? Bool == true)
        #expect(Self.text(result) == Self.cliMessage(expected.stderr), "CLI stderr: \(expected.stderr)")
    }

    /// Nothing above Tier 1: assigning directory roles needs a Tier-0 permission (denied); reading mail does not.
    @Test func guardRefusesCallsThatNeedAMoreDangerousTier() throws {
        let client = try Self.started()
        let roles = try client.callTool(
            "guard", ["method": "POST", "url": "/roleManagement/directory/roleAssignments", "maxTier": 1])
        let mail = try client.callTool("guard", ["method": "GET", "url": "/me/messages", "maxTier": 1])
        _ = try client.finish()
        // The oracle: the CLI's show gives RoleManagement.ReadWrite.Directory tier 0 and Mail.ReadBasic a safer one.
        let card = try #require(try Self.cli(["show", "RoleManagement.ReadWrite.Directory"]).json as? [String: Any])
        let application = (card["schemes"] as? [String: Any])?["Application"] as? [String: Any]
        #expect(application?["tier"] as? Int == 0)
        let deny = try #require(roles["structuredContent"] as? [String: Any])
        #expect(deny["decision"] as? String == "deny", "\(deny)")
        #expect((deny["reason"] as? String ?? "").contains("tier 1 or safer"))
        let allow = try #require(mail["structuredContent"] as? [String: Any])
        #expect(allow["decision"] as? String == "allow", "\(allow)")
        #expect(allow["permission"] as? String == "Mail.ReadBasic")
    }

    @Test func guardAllowsWhatThePolicyGrantsAndDeniesTheRest() throws {
        let client = try Self.started()
        let allowed = try client.callTool("guard", ["method": "GET", "url": "/me/messages", "allowed": ["mail.read"]])
        let denied = try client.callTool("guard", ["method": "GET", "url": "/me/messages", "allowed": ["User.Read"]])
        let application = try client.callTool(
            "guard",
            [
                "method": "GET", "url": "/users/abc/messages", "scheme": "application",
                "allowed": ["Mail.Read", "User.Read.All"],
            ])
        let undocumented = try client.callTool(
            "guard", ["method": "GET", "url": "/me/mesages", "allowed": ["Mail.Read"]])
        _ = try client.finish()
        // The oracle: the CLI's least answer lists Mail.Read among the permissions granting the call in that scheme.
        let least = try #require(try Self.cli(["least", "GET", "/me/messages"]).json as? [String: Any])
        let work = try #require((least["schemes"] as? [String: Any])?["DelegatedWork"] as? [String: Any])
        let grantors = (work["least"] as? [String] ?? []) + (work["higher"] as? [String] ?? [])
        #expect(grantors.contains("Mail.Read") && !grantors.contains("User.Read"))

        let allow = try #require(allowed["structuredContent"] as? [String: Any])
        #expect(allow["decision"] as? String == "allow")
        #expect(allow["permission"] as? String == "Mail.Read" && allow["scheme"] as? String == "DelegatedWork")
        #expect(Self.text(allowed).hasPrefix("allow: Mail.Read (allowed) grants GET /me/messages"))
        let deny = try #require(denied["structuredContent"] as? [String: Any])
        #expect(deny["decision"] as? String == "deny" && deny["permission"] is NSNull)
        #expect((deny["reason"] as? String ?? "").contains("Mail.ReadBasic (least)"))
        let app = try #require(application["structuredContent"] as? [String: Any])
        #expect(app["decision"] as? String == "allow" && app["scheme"] as? String == "Application")
        let none = try #require(undocumented["structuredContent"] as? [String: Any])
        #expect(none["decision"] as? String == "deny")
        #expect((none["reason"] as? String ?? "").contains("did you mean: /me/messages"))
    }

    @Test func savedQueriesAreResources() throws {
        let client = try Self.started()
        let list = try #require(
            (try client.request("resources/list")["result"] as? [String: Any])?["resources"] as? [[String: Any]])
        let queriesFolder = ResourcesTests.packageRoot.appendingPathComponent("Queries")
        let files = try FileManager.default.contentsOfDirectory(atPath: queriesFolder.path).filter {
            $0.hasSuffix(".gpq")
        }.sorted()
        #expect(list.map { $0["name"] as? String ?? "" } == files.map { String($0.dropLast(4)) })
        for (resource, file) in zip(list, files) {
            let uri = try #require(resource["uri"] as? String)
            #expect(uri == "graphperm://queries/" + file.dropLast(4))
            let read = try client.request("resources/read", ["uri": uri])
            let contents = try #require((read["result"] as? [String: Any])?["contents"] as? [[String: Any]])
            let text = try String(contentsOf: queriesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(contents.first?["text"] as? String == text)
        }
        let missing = try client.request("resources/read", ["uri": "graphperm://queries/nope"])
        #expect((missing["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = try client.finish()
    }

    @Test func theReviewPromptCarriesTheCallsAndTheirAnalysis() throws {
        let client = try Self.started()
        let prompts = try #require(
            (try client.request("prompts/list")["result"] as? [String: Any])?["prompts"] as? [[String: Any]])
        #expect(prompts.map { $0["name"] as? String } == ["least-privilege-review"])
        let arguments = try #require(prompts.first?["arguments"] as? [[String: Any]])
        #expect(arguments.first?["name"] as? String == "calls" && arguments.first?["required"] as? Bool == true)
        let got = try client.request(
            "prompts/get",
            [
                "name": "least-privilege-review", "arguments": ["calls": "GET /me/messages\nDELETE /users/{id}"],
            ])
        let bad = try client.request("prompts/get", ["name": "least-privilege-review", "arguments": ["calls": "GET"]])
        _ = try client.finish()
        let messages = try #require((got["result"] as? [String: Any])?["messages"] as? [[String: Any]])
        let text = try #require((messages.first?["content"] as? [String: Any])?["text"] as? String)
        #expect(text.contains("- GET /me/messages\n") && text.contains("- DELETE /users/{id}\n"))
        // Every permission of the CLI's `need` answer for these calls is in the prompt.
        let callsFile = try Self.temporaryFile("review.txt", "GET /me/messages\nDELETE /users/{id}\n")
        defer { try? FileManager.default.removeItem(atPath: callsFile) }
        let need = try #require(try Self.cli(["need", callsFile]).json as? [String: Any])
        let permissions = (need["schemes"] as? [String: Any] ?? [:]).values.flatMap {
            ($0 as? [String: Any])?["permissions"] as? [String] ?? []
        }
        #expect(!permissions.isEmpty)
        for permission in permissions { #expect(text.contains(permission), "\(permission)") }
        #expect((bad["error"] as? [String: Any])?["code"] as? Int == -32602)
    }

    @Test func theStreamSurvivesBadInputAndAnswersEverythingBeforeItEnds() throws {
        let client = try Self.started()
        client.write("this is not json")
        let ping = client.send("ping")
        let unknownMethod = client.send("no/such/method")
        let unknownTool = client.send("tools/call", ["name": "nope", "arguments": [String: Any]()])
        // Pipelined, then stdin closes at once: every request is still answered.
        let ids = (0..<40).map { index in
            client.send(
                "tools/call", ["name": "least", "arguments": ["method": "GET", "url": "/users/u\(index)/messages"]])
        }
        let finished = try client.finish()
        #expect(finished.status == 0)
        let parseError = client.lines.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        .first { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect(parseError?["id"] is NSNull)
        #expect(client.collected(ping)?["result"] != nil)
        #expect((client.collected(unknownMethod)?["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect((client.collected(unknownTool)?["error"] as? [String: Any])?["code"] as? Int == -32602)
        for id in ids {
            #expect((client.collected(id)?["result"] as? [String: Any])?["structuredContent"] != nil, "request \(id)")
        }
        #expect(client.lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }

    @Test func aKnowledgeBaseThatCannotBeOpenedIsEveryToolsError() throws {
        let missing = NSTemporaryDirectory() + "graphperm-mcp-none/kb.sqlite"
        let client = try MCPClient(["--db", missing])
        _ = try client.initialize()
        let result = try client.callTool("show", ["name_or_id": "Mail.Read"])
        let finished = try client.finish()
        let cli = try CommandRunner.run(["show", "Mail.Read", "--db", missing])
        #expect(cli.status != 0 && finished.status == 0)
        #expect(result["isError"] as? Bool == true)
        #expect(Self.text(result) == Self.cliMessage(cli.stderr), "CLI: \(cli.stderr)")
    }

    @Test func formatIsAUsageError() throws {
        let result = try CommandRunner.run(["mcp", "--format", "json"])
        #expect(result.status == 64 && result.stdout.isEmpty)
        #expect(result.stderr.contains("Unknown option '--format'"), "\(result.stderr)")
    }
}
