import Foundation
import Testing

/// The `need` form's HAR upload without JavaScript: a `multipart/form-data` body as Chromium sends it (and as curl's
/// `-F` sends it), read by the server, with the HAR's requests read as `graphperm need` reads the same file; hostile
/// file names and contents come back escaped, and a broken body is a clear 400.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
final class ServeNeedUploadTests {
    let server: ServerProcess
    let db = SnapshotData.knowledgeBase.location

    init() throws {
        server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
    }

    deinit { server.stop() }

    /// A HAR file of a session: a CORS preflight, two Graph calls, one call to another host.
    static let har = """
        {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"}, "entries": [
          {"request": {"method": "OPTIONS", "url": "https://graph.microsoft.com/v1.0/me/messages", "headers": []}},
          {"request": {"method": "GET", "url": "https://graph.microsoft.com/v1.0/me/messages?$top=5", "headers": []}},
          {"request": {"method": "GET", "url": "https://graph.microsoft.com/v1.0/me/calendar/events", "headers": []}},
          {"request": {"method": "GET", "url": "https://example.com/<img src=x onerror=alert(1)>", "headers": []}}
        ]}}
        """

    /// The body Chromium builds for the need form (field order, the boundary shape, a file part's headers).
    static func chromiumBody(
        boundary: String, calls: String, fileName: String, file: String, scheme: String
    ) -> String {
        let quotedName = fileName.replacingOccurrences(of: "\"", with: "%22")
        return "--\(boundary)\r\nContent-Disposition: form-data; name=\"calls\"\r\n\r\n\(calls)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"har\"; filename=\"\(quotedName)\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n\(file)\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"scheme\"\r\n\r\n\(scheme)\r\n"
            + "--\(boundary)--\r\n"
    }

    @Test func aHARUploadIsReadAsNeedReadsIt() throws {
        let boundary = "----WebKitFormBoundaryq3Xk9ZcP1mN7bT2a"
        let body = Self.chromiumBody(boundary: boundary, calls: "", fileName: "session.har", file: Self.har,
                                     scheme: "delegated")
        let reply = try server.request("POST", "/need", body: body,
                                       contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(reply.status == 200, "\(reply.body)")
        #expect(reply.body.contains("Read 3 calls from session.har."))
        // What the CLI answers for the same file: every permission it names is on the page.
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("session.har", Self.har)
        let cli = try CommandRunner.run(["need", file, "--scheme", "delegated", "--format", "json"],
                                        environment: ["GRAPHPERM_DB": db])
        #expect(cli.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])
        let names = Self.permissionNames(in: json)
        #expect(names.contains("Mail.ReadBasic") || names.contains("Mail.Read"), "\(names)")
        #expect(names.contains { $0.hasPrefix("Calendars.") }, "\(names)")
        for name in names { #expect(reply.body.contains(">\(name)</a>"), "the page lacks \(name)") }
        // The hostile URL of the HAR comes back escaped, never as markup.
        #expect(!reply.body.contains("<img src=x"))
        #expect(reply.body.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    /// Every string value named `permission`/`permissions` in the CLI's JSON (the answer's chosen set).
    static func permissionNames(in value: Any) -> Set<String> {
        var names: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, member) in object {
                if key == "permissions" || key == "permission" {
                    if let list = member as? [String] { names.formUnion(list) }
                    if let one = member as? String { names.insert(one) }
                }
                names.formUnion(permissionNames(in: member))
            }
        } else if let list = value as? [Any] {
            for member in list { names.formUnion(permissionNames(in: member)) }
        }
        return names
    }

    @Test func curlsMultipartBodyWorksAndTextAndFileAddUp() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("calls.txt", "GET /me/events\n")
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-F", "calls=GET /me/messages", "-F", "har=@\(file)", "-F", "scheme=",
                          "http://127.0.0.1:\(server.port)/need"]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        let page = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        #expect(page.contains("Read 1 call from calls.txt."), "\(page.prefix(400))")
        #expect(page.contains("/me/messages") && page.contains("/me/events"))
        #expect(page.contains("Calendars.") && page.contains("Mail."))
    }

    @Test(arguments: [
        "<script>alert('x')</script>.har",
        "a\"b'c&d<e>.har",
        "..\\..\\etc\\passwd",
    ])
    func hostileFileNamesAndContentsAreEscaped(_ fileName: String) throws {
        let boundary = "----WebKitFormBoundaryZZ"
        let content = "GET /me/<script>alert(1)</script>\n"
        let notHAR = "{\"log\": 5, \"<b>\": 1}"
        let body = Self.chromiumBody(boundary: boundary, calls: "", fileName: fileName, file: notHAR,
                                     scheme: "")
        let reply = try server.request("POST", "/need", body: body,
                                       contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(reply.status == 400, "\(reply.body)")
        #expect(!reply.body.contains("<script>alert"))
        // The error names the file as the browser sent its name, escaped.
        let sent = fileName.replacingOccurrences(of: "\"", with: "%22")
        let escaped = sent.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")
        #expect(reply.body.contains(escaped), "\(reply.body)")
        #expect(reply.body.contains("expected"), "the error says what was expected: \(reply.body)")
        let lines = Self.chromiumBody(boundary: boundary, calls: "", fileName: fileName, file: content, scheme: "")
        let second = try server.request("POST", "/need", body: lines,
                                        contentType: "multipart/form-data; boundary=\(boundary)")
        #expect(!second.body.contains("<script>alert"))
        #expect(second.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test(arguments: [
        ("multipart/form-data", "--x\r\n", "names no boundary"),
        ("multipart/form-data; boundary=abc", "no delimiter here", "does not contain the boundary"),
        ("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"calls\"\r\n\r\nGET /me",
         "closing boundary"),
        ("multipart/form-data; boundary=abc", "--abc\r\nX-Nothing: 1\r\n\r\nGET /me\r\n--abc--\r\n",
         "Content-Disposition"),
        ("multipart/form-data; boundary=abc", "--abcXY", "expected CRLF"),
        ("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"calls\"",
         "empty line"),
    ])
    func aBrokenBodyIsAClear400(_ contentType: String, _ body: String, _ message: String) throws {
        let reply = try server.request("POST", "/need", body: body, contentType: contentType)
        #expect(reply.status == 400, "\(reply.body)")
        #expect(reply.body.contains("multipart body cannot be read"), "\(reply.body)")
        #expect(reply.body.contains(message), "\(reply.body)")
    }

    @Test func aBodyOverTheLimitIs413() throws {
        let boundary = "big"
        let filler = String(repeating: "GET /me\n", count: (4 << 20) / 8 + 10)
        let body = Self.chromiumBody(boundary: boundary, calls: "", fileName: "big.txt", file: filler, scheme: "")
        let reply = try server.request("POST", "/need", body: body, contentType: "multipart/form-data; boundary=big")
        #expect(reply.status == 413)
    }
}
