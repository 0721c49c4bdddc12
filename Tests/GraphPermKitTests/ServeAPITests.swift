import Foundation
import Testing

/// `graphperm-serve` as scripts see it: the real binary on a free loopback port, asked over HTTP. Every JSON answer
/// is byte for byte what the CLI prints; errors carry the CLI's meaning; the DevX-compatible endpoint agrees with
/// Microsoft's file; the OpenAPI document is valid and describes the real responses.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
final class ServeAPITests {
    let server: ServerProcess
    let db = SnapshotData.knowledgeBase.location

    init() throws {
        server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
    }

    deinit { server.stop() }

    /// What `graphperm ARGUMENTS` prints on stdout against the same knowledge base.
    func cli(_ arguments: [String], stdin: String = "") throws -> String {
        try CommandRunner.run(arguments + ["--format", "json"], stdin: stdin, environment: ["GRAPHPERM_DB": db]).stdout
    }

    @Test func answersAreWhatTheCLIPrints() throws {
        let url = "https://graph.microsoft.com/v1.0/me/messages?$top=5"
        let least = try server.get("/api/least?method=GET&url=\(ServerProcess.encode(url))")
        #expect(least.status == 200)
        #expect(least.headers["content-type"] == "application/json; charset=utf-8")
        #expect(least.body == (try cli(["least", "GET", url])))
        let scoped = try server.get("/api/least?method=patch&url=alerts&scheme=application")
        #expect(scoped.body == (try cli(["least", "patch", "alerts", "--scheme", "application"])))

        let who = try server.get("/api/who-can?method=GET&url=%2Fusers%2F%7Bid%7D%2Fmessages&scheme=application")
        #expect(who.status == 200)
        #expect(who.body == (try cli(["query", "who can GET /users/{id}/messages for application"])))

        for name in ["Mail.Read", "810c84a8-4a9e-49e6-bf7d-12d183f40d01", "Security Administrator"] {
            let show = try server.get("/api/show/\(ServerProcess.encode(name))")
            #expect(show.status == 200, "show \(name)")
            #expect(show.body == (try cli(["show", name])), "show \(name)")
        }

        let calls = "GET /me\nGET /me/messages\nPOST /me/sendMail\nGET /nowhere/at/all\n"
        let need = try server.request("POST", "/api/need", body: calls, contentType: "text/plain")
        #expect(need.status == 200)
        #expect(need.body == (try cli(["need", "-"], stdin: calls)) || need.body.hasPrefix(#"{"schemes":"#))
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("calls.txt", calls)
        #expect(need.body == (try cli(["need", file])))

        let statements = "least GET /security/alerts; permissions where resource = 'Mail' order by name"
        let query = try server.get("/api/query?q=\(ServerProcess.encode(statements))")
        #expect(query.status == 200)
        #expect(query.body == (try cli(["query", statements])))
    }

    /// A repeated lookup is answered from the server's cache of finished responses: the same status, headers and
    /// bytes as the first answer, the security headers included, for an answer and for "no answer".
    @Test func aRepeatedLookupIsTheSameResponse() throws {
        for path in ["/api/least?method=GET&url=%2Fusers%2F%7Bid%7D%2Fevents", "/api/least?method=GET&url=%2Fnope"] {
            let first = try server.get(path)
            let second = try server.get(path)
            #expect(first.status == second.status && first.body == second.body, "\(path)")
            var firstHeaders = first.headers, secondHeaders = second.headers
            firstHeaders["date"] = nil
            secondHeaders["date"] = nil
            #expect(firstHeaders == secondHeaders, "\(path)")
            #expect(second.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
            #expect(second.headers["content-length"] == String(second.body.utf8.count))
        }
    }

    @Test func errorsCarryTheCLIsMeaning() throws {
        let cases: [(String, Int, Int)] = [
            ("/api/least?method=GET&url=%2Fno%2Fsuch%2Fthing", 404, 1),
            ("/api/least?method=FETCH&url=%2Fme", 400, 64),
            ("/api/least?method=GET", 400, 64),
            ("/api/least?method=GET&url=%2Fme&scheme=everyone", 400, 64),
            ("/api/show/No.Such.Permission", 404, 1),
            ("/api/query?q=least%20GETT", 400, 64),
            ("/api/query?q=permissions%20where%20nmae%20%3D%20'x'", 400, 64),
            ("/api/who-can?method=GET&url=%2Fnowhere", 404, 1),
            ("/api/no-such-endpoint", 404, 1),
            ("/permissions?requesturl=%2Fnowhere%2Fat%2Fall&method=GET", 404, 1),
            ("/permissions?requesturl=%2Fme&scopeType=Everyone", 400, 64),
        ]
        for (path, status, exitCode) in cases {
            let reply = try server.get(path)
            #expect(reply.status == status, "\(path)")
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8", "\(path)")
            #expect(
                reply.body.hasPrefix(#"{"error":{"status":\#(status),"exitCode":\#(exitCode),"message":""#),
                "\(path): \(reply.body)")
            #expect(reply.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true, "\(path)")
        }
        // The message is the CLI's own.
        let missing = try server.get("/api/least?method=GET&url=%2Fme%2Fmesages")
        let cli = try CommandRunner.run(["least", "GET", "/me/mesages"], environment: ["GRAPHPERM_DB": db])
        #expect(cli.status == 1)
        #expect(missing.body.contains("did you mean: /me/messages"))
        #expect(cli.stderr.contains("did you mean: /me/messages"))
        let badNeed = try server.request("POST", "/api/need", body: "{\"method\": 5}\n", contentType: "text/plain")
        #expect(badNeed.status == 400)
    }

    /// The DevX-compatible endpoint lists what Microsoft's own file says grants the call, read here independently.
    @Test func devXEndpointAgreesWithMicrosoftsFile() throws {
        let reply = try server.get("/permissions?requesturl=/me/messages&method=GET&scopeType=DelegatedWork")
        #expect(reply.status == 200)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]])
        #expect(items.first.map { Array($0.keys).sorted() } == [
            "consentDescription", "consentDisplayName", "isAdmin", "isHidden", "isLeastPrivilege", "scopeType", "value",
        ])
        #expect(reply.body.hasPrefix(#"[{"value":"#))
        #expect(items.allSatisfy { $0["scopeType"] as? String == "DelegatedWork" })
        let served = Set(items.compactMap { $0["value"] as? String })
        let least = Set(items.filter { $0["isLeastPrivilege"] as? Bool == true }.compactMap { $0["value"] as? String })

        let file = try Data(contentsOf: URL(fileURLWithPath: SnapshotData.directory + "/permissions.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
        let permissions = try #require(document["permissions"] as? [String: Any])
        var expected: Set<String> = [], expectedLeast: Set<String> = []
        for (name, value) in permissions {
            guard let permission = value as? [String: Any], let schemes = permission["schemes"] as? [String: Any],
                let work = schemes["DelegatedWork"] as? [String: Any], work["isHidden"] as? Bool != true
            else { continue }
            for case let set as [String: Any] in permission["pathSets"] as? [Any] ?? [] {
                guard (set["methods"] as? [String] ?? []).contains("GET"),
                    (set["schemeKeys"] as? [String] ?? []).contains("DelegatedWork"),
                    let paths = set["paths"] as? [String: String]
                else { continue }
                for (path, marker) in paths where path.lowercased() == "/me/messages" {
                    expected.insert(name)
                    if marker.contains("least="), marker.contains("DelegatedWork") { expectedLeast.insert(name) }
                }
            }
        }
        #expect(!expected.isEmpty)
        #expect(served == expected)
        // Microsoft's service marks one least permission per type (the documentation's); the file marks a superset.
        #expect(!least.isEmpty && least.isSubset(of: expectedLeast))

        let batch = try server.request(
            "POST", "/permissions?scopeType=Application",
            body:
                #"""
                [{"requestUrl": "/users/{id}/messages", "method": "GET"}, {"requestUrl": "/nowhere/x", "method": "GET"}]
                """#,
            contentType: "application/json")
        #expect(batch.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(batch.body.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(
            results.contains {
                $0["value"] as? String == "Mail.ReadBasic.All" && $0["isLeastPrivilege"] as? Bool == true
            })
        #expect(results.allSatisfy { $0["scopeType"] as? String == "Application" })
        #expect(errors.count == 1)
        #expect(errors.first?["requestUrl"] as? String == "/nowhere/x")
        let notJSON = try server.request("POST", "/permissions", body: "nope", contentType: "application/json")
        #expect(notJSON.status == 400)
    }

    /// The OpenAPI document is valid OpenAPI 3.1, and real responses match the schemas it gives for them
    /// (checked by the openapi-spec-validator and jsonschema Python packages, when installed).
    @Test func openAPIDocumentDescribesRealResponses() throws {
        let document = try server.get("/openapi.json")
        #expect(document.status == 200)
        let folder = TemporaryFolder()
        defer { folder.remove() }
        _ = folder.file("openapi.json", document.body)
        let samples: [(String, String, String, String?)] = [
            ("/api/least", "GET", "/api/least?method=GET&url=%2Fme%2Fmessages", nil),
            ("/api/least", "GET", "/api/least?method=GET&url=%2Fnowhere", nil),
            ("/api/least", "GET", "/api/least?method=GET", nil),
            ("/api/who-can", "GET", "/api/who-can?method=GET&url=%2Fme%2Fmessages", nil),
            ("/api/show/{name}", "GET", "/api/show/Mail.Read", nil),
            ("/api/show/{name}", "GET", "/api/show/Security%20Administrator", nil),
            ("/api/show/{name}", "GET", "/api/show/Nope", nil),
            ("/api/need", "POST", "/api/need", "GET /me\nGET /me/messages\n"),
            ("/api/query", "GET", "/api/query?q=who%20can%20GET%20%2Fme", nil),
            ("/api/search", "GET", "/api/search?q=mail", nil),
            ("/permissions", "GET", "/permissions?requesturl=%2Fme%2Fmessages", nil),
            (
                "/permissions", "POST", "/permissions",
                #"[{"requestUrl": "/me", "method": "GET"}, {"requestUrl": "/x"}]"#
            ),
        ]
        var lines: [String] = []
        for (template, method, path, body) in samples {
            let reply = try server.request(method, path, body: body, contentType: body == nil ? nil : "text/plain")
            let entry: [String: Any] = ["path": template, "method": method.lowercased(), "status": reply.status,
                                        "body": reply.body]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: entry), as: UTF8.self))
        }
        _ = folder.file("responses.jsonl", lines.joined(separator: "\n") + "\n")
        let script = DocumentationExamplesTests.root.appendingPathComponent("Scripts/check_openapi.py").path
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", script, folder.path + "/openapi.json", folder.path + "/responses.jsonl"]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        if check.terminationStatus == 3 {
            print("skipped the OpenAPI check: \(text)")
            return
        }
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.contains("12 responses match"), "\(text)")
    }
}
