import Foundation
import Testing

/// `graphperm-serve`'s fast path for repeated `/api/least` lookups, seen on the wire: the same status line, header
/// lines in the same order and bytes as the first (Hummingbird's) answer; pipelined requests answered in order;
/// `Connection: close` honoured; a body on a GET skipped; HEAD answered without a body.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
final class ServeCachedLeastTests {
    let server: ServerProcess
    let least = "/api/least?method=GET&url=%2Fme%2Fmessages"

    init() throws {
        server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
    }

    deinit { server.stop() }

    func get(_ path: String, _ extraHeaders: String = "") -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\(extraHeaders)\r\n"
    }

    @Test func aRepeatedLookupIsTheFirstAnswerLineForLine() throws {
        let connection = try RawHTTPConnection(port: server.port)
        for path in [least, "/api/least?method=GET&url=%2Fno%2Fsuch%2Fthing", "/api/least?method=GET"] {
            try connection.send(get(path))
            let first = try connection.readResponse()
            try connection.send(get(path))
            let second = try connection.readResponse()
            #expect(second.statusLine == first.statusLine, "\(path)")
            #expect(second.body == first.body, "\(path)")
            let withoutDate = { (lines: [String]) in lines.filter { !$0.lowercased().hasPrefix("date:") } }
            #expect(withoutDate(second.headerLines) == withoutDate(first.headerLines), "\(path)")
            #expect(second.header("Server") == "graphperm")
            #expect(second.header("Content-Security-Policy")?.hasPrefix("default-src 'none'") == true)
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = try #require(second.header("Date").flatMap(formatter.date(from:)), "\(second.headerLines)")
            #expect(abs(date.timeIntervalSinceNow) < 120)
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let expected = try server.get(least).body
        let calls = "GET /me\n"
        let need = try server.request("POST", "/api/need", body: calls, contentType: "text/plain").body
        let connection = try RawHTTPConnection(port: server.port)
        let post = "POST /api/need HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
            + "Content-Length: \(calls.utf8.count)\r\n\r\n\(calls)"
        try connection.send(get(least) + post + get(least) + get("/") + get(least))
        let replies = try (0..<5).map { _ in try connection.readResponse() }
        #expect(replies.map(\.statusLine) == Array(repeating: "HTTP/1.1 200 OK", count: 5))
        #expect(replies[0].body == expected && replies[2].body == expected && replies[4].body == expected)
        #expect(replies[1].body == need)
        #expect(replies[3].header("Content-Type") == "text/html; charset=utf-8")
    }

    @Test func aHeadRequestGetsNoBody() throws {
        let expected = try server.get(least).body
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send("HEAD \(least) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + get(least))
        let head = try connection.readResponse(hasBody: false)
        #expect(head.statusLine == "HTTP/1.1 200 OK")
        #expect(head.header("Content-Length") == String(expected.utf8.count))
        let next = try connection.readResponse()
        #expect(next.statusLine == "HTTP/1.1 200 OK" && next.body == expected)
    }

    @Test func connectionCloseIsHonoured() throws {
        _ = try server.get(least)
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(get(least, "Connection: close\r\n"))
        #expect(try connection.readResponse().statusLine == "HTTP/1.1 200 OK")
        #expect(try connection.isClosedByServer())
    }

    @Test func aBodyOnAGetIsSkipped() throws {
        let expected = try server.get(least).body
        let connection = try RawHTTPConnection(port: server.port)
        try connection.send(get(least, "Content-Length: 9\r\n") + "GET /x\r\n\r" + get(least))
        #expect(try connection.readResponse().body == expected)
        #expect(try connection.readResponse().body == expected)
    }
}
