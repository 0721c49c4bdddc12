import Foundation
import Testing

/// The explorer's pages over HTTP from the real binary: every route answers, values are HTML-escaped (hostile
/// permission names, URLs and queries), every response carries the Content-Security-Policy, and the limits hold.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
final class ServePagesTests {
    let server: ServerProcess

    init() throws {
        server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
    }

    deinit { server.stop() }

    @Test func everyPageAnswersWithTheSecurityHeaders() throws {
        let pages: [(String, Int, String)] = [
            ("/", 200, "Graph permissions explorer"),
            ("/search?q=Mail.Read", 303, "/permissions/Mail.Read"),
            ("/search?q=mail", 200, "Mail.ReadWrite"),
            ("/search?q=810c84a8-4a9e-49e6-bf7d-12d183f40d01", 303, "/permissions/"),
            ("/search?q=%2Fme%2Fmessages", 200, "/least?method=GET&amp;url=%2Fme%2Fmessages"),
            ("/permissions/Mail.Read", 200, "Narrower permissions"),
            ("/permissions/mail.read", 200, "What it grants"),
            ("/permissions/Security%20Administrator", 200, "Role template ID"),
            ("/permissions/No.Such.Permission", 404, "no entity or path named No.Such.Permission"),
            ("/paths?template=%2Fme%2Fmessages", 200, "documentation table"),
            ("/paths?template=%2Fnowhere%2Fat%2Fall", 404, "documents no permission"),
            ("/least", 200, "Least privilege for"),
            ("/least?method=GET&url=https%3A%2F%2Fgraph.microsoft.com%2Fv1.0%2Fme%2Fmessages", 200, "Mail.ReadBasic"),
            ("/least?method=GET&url=%2Fme%2Fmesages", 404, "did you mean: /me/messages"),
            ("/need", 200, "HAR file"),
            ("/diagnose", 200, "never logged, stored"),
            ("/query", 200, "Statements of the query language"),
            ("/query?q=who%20can%20GET%20%2Fme%2Fmessages", 200, "Mail.ReadBasic"),
            ("/query?q=least%20GETT", 400, "expected"),
            ("/queries", 200, "security-api-least"),
            ("/queries/security-api-least", 200, "Open in the console"),
            ("/queries/no-such-query", 404, "no page"),
            ("/reference", 200, "permissions"),
            ("/reference/roles", 200, "Role template ID"),
            ("/reference/security", 200, "SecurityEvents"),
            ("/reference/api", 200, "api-users.md"),
            ("/reference/api/api-me.md", 200, "/me/messages"),
            ("/static/app.css", 200, "font"),
            ("/static/app.js", 200, "/api/search"),
            ("/api/search?q=Mail.Re", 200, #""label":"Mail.Read""#),
            ("/no/such/page", 404, "no page at /no/such/page"),
        ]
        for (path, status, needle) in pages {
            let reply = try server.get(path)
            #expect(reply.status == status, "\(path): \(reply.status)")
            #expect(reply.body.contains(needle) || (reply.headers["location"] ?? "").contains(needle),
                    "\(path) lacks \(needle)")
            #expect(reply.headers["content-security-policy"] == Self.policy, "\(path)")
            #expect(reply.headers["x-content-type-options"] == "nosniff", "\(path)")
        }
        let put = try server.request("PUT", "/api/least?method=GET&url=%2Fme")
        #expect(put.status == 405)
        #expect(put.headers["content-security-policy"] == Self.policy)
    }

    static let policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    @Test func formsAnswer() throws {
        let need = try server.request(
            "POST", "/need", body: "calls=GET+%2Fme%0AGET+%2Fme%2Fmessages&scheme=delegated",
            contentType: "application/x-www-form-urlencoded")
        #expect(need.status == 200)
        #expect(need.body.contains("Mail.ReadBasic"))
        // A token (alg none, unsigned) for the diagnose form; the page never shows it back.
        func base64URL(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let token = base64URL(#"{"alg":"none","typ":"JWT"}"#) + "."
            + base64URL(#"{"aud":"https://graph.microsoft.com","exp":4102444800,"idtyp":"user","scp":"User.Read"}"#)
            + "."
        let diagnose = try server.request(
            "POST", "/diagnose", body: "method=GET&url=%2Fme%2Fmessages&token=\(token)&status=403",
            contentType: "application/x-www-form-urlencoded")
        #expect(diagnose.status == 200)
        #expect(diagnose.body.contains("Verdict: denied"))
        #expect(!diagnose.body.contains(token))
        #expect(diagnose.headers["cache-control"] == "no-store")
        let badToken = try server.request(
            "POST", "/diagnose", body: "method=GET&url=%2Fme&token=not-a-token",
            contentType: "application/x-www-form-urlencoded")
        #expect(badToken.status == 400)
        #expect(!badToken.body.contains("not-a-token"))
    }

    /// Hostile URLs and queries come back escaped, never as markup.
    @Test func hostileInputIsEscaped() throws {
        let attack = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>"
        let encoded = ServerProcess.encode(attack)
        for path in [
            "/least?method=GET&url=%2Fusers%2F\(encoded)", "/least?method=GET&url=\(encoded)",
            "/query?q=\(encoded)", "/query?q=show%20'\(encoded)'", "/search?q=\(encoded)",
            "/search?q=%2F\(encoded)", "/paths?template=%2F\(encoded)", "/permissions/\(encoded)",
            "/\(encoded)",
        ] {
            let reply = try server.get(path)
            #expect(!reply.body.contains("<script>alert"), "\(path)")
            #expect(!reply.body.contains("<img src=x"), "\(path)")
            #expect(reply.headers["content-security-policy"] == Self.policy, "\(path)")
        }
        let need = try server.request(
            "POST", "/need", body: "calls=GET+%2Fme%2F\(encoded)", contentType: "application/x-www-form-urlencoded")
        #expect(!need.body.contains("<script>alert"))
        // JSON answers quote the input as JSON, served as JSON that browsers do not sniff as markup.
        let json = try server.get("/api/show/\(encoded)")
        #expect(json.headers["content-type"] == "application/json; charset=utf-8")
        #expect(json.headers["x-content-type-options"] == "nosniff")
    }

    @Test func limitsHold() throws {
        let large = String(repeating: "GET /me\n", count: 600_000)
        let reply = try server.request("POST", "/api/need", body: large, contentType: "text/plain")
        #expect(reply.status == 413)
        #expect(reply.headers["content-security-policy"] == Self.policy)
        #expect(reply.body.contains(#""status":413"#))
    }
}

/// Permission names and texts that are markup, served from a knowledge base loaded from them.
@Suite(.serialized)
struct ServeHostileDataTests {
    /// The loader accepts only permission names of letters, digits, '.', '-' and '_'; display names and
    /// descriptions are free text, and are what a hostile file can put on a page.
    @Test func hostilePermissionTextsAreEscaped() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let fixture = try String(contentsOfFile: TemporaryFolder.fixture("mini-permissions.json"), encoding: .utf8)
        let hostile = fixture.replacingOccurrences(of: "Read mail.", with: #"<script>alert(1)</script>"#)
            .replacingOccurrences(of: "Read and write user mail", with: #"<img src=x onerror=alert(2)>"#)
        let file = folder.file("permissions.json", hostile)
        let db = folder.path + "/kb.sqlite"
        let load = try CommandRunner.run(["load", file, "--db", db])
        #expect(load.status == 0, "\(load.stderr)")
        let server = try ServerProcess(["--db", db])
        defer { server.stop() }
        for path in [
            "/permissions/Mail.Read", "/permissions/Mail.ReadWrite", "/least?method=GET&url=%2Fme%2Fmessages",
            "/paths?template=%2Fme%2Fmessages", "/search?q=mail", "/query?q=permissions",
            "/reference/permissions", "/api/search?q=mail",
        ] {
            let reply = try server.get(path)
            #expect(reply.status == 200, "\(path): \(reply.status)")
            #expect(!reply.body.contains("<script>alert"), "\(path)")
            #expect(!reply.body.contains("<img src=x"), "\(path)")
        }
        #expect(try server.get("/permissions/Mail.Read").body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(try server.get("/permissions/Mail.ReadWrite").body.contains("&lt;img src=x onerror=alert(2)&gt;"))
        let devX = try server.get("/permissions?requesturl=%2Fme%2Fmessages&scopeType=DelegatedWork")
        #expect(devX.body.contains(#""consentDisplayName":"<img src=x onerror=alert(2)>""#))
        #expect(devX.headers["content-type"] == "application/json; charset=utf-8")
    }

    /// Started through `graphperm serve`, as users do; another host than loopback gets a warning.
    @Test func graphpermServeRunsTheHelperAndWarnsOffLoopback() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        #expect(
            try CommandRunner.run(["load", TemporaryFolder.fixture("mini-permissions.json"), "--db", db]).status == 0)
        let server = try ServerProcess(["--db", db], executable: CommandRunner.binary, prefix: ["serve"])
        defer { server.stop() }
        #expect(!server.startupOutput.contains("warning"))
        #expect(try server.get("/api/least?method=GET&url=%2Fme%2Fmessages").status == 200)
        let open = try ServerProcess(["--db", db, "--host", "0.0.0.0"])
        defer { open.stop() }
        #expect(open.startupOutput.contains("warning: listening on 0.0.0.0, not the loopback interface"))
        let usage = try CommandRunner.run(["serve", "--port", "70000"])
        #expect(usage.status == 64)
    }
}
