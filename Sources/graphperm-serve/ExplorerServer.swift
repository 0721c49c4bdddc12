import Foundation
import GraphPermKit
import GraphPermWeb
import HTTPTypes
import Hummingbird
import NIOHTTP1
import Synchronization

/// Turns Hummingbird's requests into the explorer's and back, with the limits: the body size, a time limit per
/// request, and the security headers on every response.
struct ExplorerServer: Sendable {
    let explorer: Explorer
    let kb: KnowledgeBase

    /// How long a request may take before it gets 503 (a statement of the query language is interrupted then).
    static let timeLimit: Duration = .seconds(10)

    /// Finished `/api/least` responses by request target, headers and body built once: the knowledge base never
    /// changes while the server runs, so a repeated lookup costs a dictionary read.
    let leastResponses = ResponseCache(limit: 20_000)

    func respond(to request: Request) async -> Response {
        if request.method == .get, let target = request.head.path, target.hasPrefix("/api/least?") {
            if let cached = leastResponses[target] { return cached.response }
            let answer = explorer.respond(to: WebRequest(method: "GET", target: target))
            let prepared = PreparedResponse(answer)
            // Answers and "no answer" are fixed; a failure of the server itself is not kept.
            if answer.status == 200 || answer.status == 400 || answer.status == 404 {
                leastResponses[target] = prepared
            }
            return prepared.response
        }
        var request = request
        var body: [UInt8] = []
        if request.method == .post {
            if let length = request.headers[.contentLength].flatMap(Int.init), length > Explorer.maxBodyBytes {
                return Self.tooLarge
            }
            do {
                let buffer = try await request.collectBody(upTo: Explorer.maxBodyBytes)
                body = Array(buffer.readableBytesView)
            } catch {
                return Self.tooLarge
            }
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let exchange = WebRequest(
            method: request.method.rawValue, target: target, body: body, contentType: request.headers[.contentType])
        let answer: WebResponse
        if Self.isOpenEnded(exchange) {
            answer = await withTimeLimit(exchange)
        } else {
            answer = explorer.respond(to: exchange)
        }
        return Self.response(answer, isHead: request.method == .head)
    }

    /// Whether the work depends on what the request asks in ways without a fixed bound (statements of the query
    /// language, sets of calls, a token): those get the time limit. The rest is bounded lookups and documents.
    static func isOpenEnded(_ request: WebRequest) -> Bool {
        request.method == "POST" || ["/query", "/api/query", "/search", "/api/search"].contains(request.path)
            || request.path.hasPrefix("/queries/")
    }

    /// The explorer's answer, or 503 when it takes longer than `timeLimit`.
    private func withTimeLimit(_ request: WebRequest) async -> WebResponse {
        let explorer = self.explorer
        let kb = self.kb
        let once = Once()
        return await withCheckedContinuation { continuation in
            let timer = Task {
                try? await Task.sleep(for: Self.timeLimit)
                guard !Task.isCancelled, once.claim() else { return }
                kb.interrupt()
                continuation.resume(returning: Self.timedOut(request))
            }
            Task.detached {
                let answer = explorer.respond(to: request)
                timer.cancel()
                if once.claim() { continuation.resume(returning: answer) }
            }
        }
    }

    private static func timedOut(_ request: WebRequest) -> WebResponse {
        let message = "the request took longer than \(timeLimit.components.seconds) seconds and was stopped"
        if request.path.hasPrefix("/api/") || request.path == "/permissions" {
            return WebResponse(
                status: 503, contentType: "application/json; charset=utf-8",
                text: #"{"error":{"status":503,"exitCode":74,"message":"\#(message)"}}"# + "\n")
        }
        return WebResponse(status: 503, contentType: "text/plain; charset=utf-8", text: message + "\n")
    }

    private static var tooLarge: Response {
        response(
            WebResponse(
                status: 413, contentType: "application/json; charset=utf-8",
                text:
                    #"""
                    {"error":{"status":413,"exitCode":64,"message":"the request body is larger than \#
                    \#(Explorer.maxBodyBytes) bytes"}}
                    """#
                    + "\n"), isHead: false)
    }

    /// Hummingbird's response for the explorer's, with the security headers.
    static func response(_ answer: WebResponse, isHead: Bool) -> Response {
        let prepared = PreparedResponse(answer)
        return isHead ? prepared.headResponse : prepared.response
    }
}

/// A response's status, headers (the security headers included) and body, built once and sent many times (a
/// `ByteBuffer` is shared, not copied, by each response made from it).
struct PreparedResponse: Sendable {
    let status: HTTPResponse.Status
    let fields: HTTPFields
    let body: ByteBuffer
    /// The status line and header lines as HTTP/1.1 sends them (up to `Content-Length`, without the `Date` and
    /// `Server` lines and the blank line), for `CachedLeastHandler`.
    let http1Head: ByteBuffer

    /// The security headers every response carries, parsed once.
    static let securityFields: HTTPFields = {
        var fields = HTTPFields()
        for (name, value) in WebResponse.securityHeaders {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        return fields
    }()

    init(_ answer: WebResponse) {
        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        fields.append(contentsOf: Self.securityFields)
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        fields[.contentLength] = String(answer.body.count)
        self.status = HTTPResponse.Status(code: answer.status)
        self.fields = fields
        body = ByteBuffer(bytes: answer.body)
        let status = HTTPResponseStatus(statusCode: answer.status)
        var head = "HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\n"
        for field in fields { head += "\(field.name.rawName): \(field.value)\r\n" }
        http1Head = ByteBuffer(string: head)
    }

    var response: Response { Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body)) }

    /// The same without a body (its Content-Length still says the GET's).
    var headResponse: Response {
        Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer()))
    }
}

/// Prepared responses by request target, up to `limit` of them (then it starts again empty: lookups are cheap to
/// redo, and a client sending endless distinct URLs cannot grow the memory).
final class ResponseCache: Sendable {
    private let entries = Mutex<[String: PreparedResponse]>([:])
    let limit: Int

    init(limit: Int) { self.limit = limit }

    subscript(target: String) -> PreparedResponse? {
        get { entries.withLock { $0[target] } }
        set {
            entries.withLock { cache in
                if cache.count >= limit { cache.removeAll(keepingCapacity: true) }
                cache[target] = newValue
            }
        }
    }
}

/// A flag that one caller claims: the first `claim()` is true, every later one false.
final class Once: Sendable {
    private let claimed = Mutex(false)

    func claim() -> Bool {
        claimed.withLock { done in
            defer { done = true }
            return !done
        }
    }
}
