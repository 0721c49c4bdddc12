import Foundation
import GraphPermKit
import GraphPermWeb
import HTTPTypes
import Hummingbird
import Synchronization

/// Turns Hummingbird's requests into the explorer's and back, with the limits: the body size, a time limit per
/// request, and the security headers on every response.
struct ExplorerServer: Sendable {
    let explorer: Explorer
    let kb: KnowledgeBase

    /// How long a request may take before it gets 503 (a statement of the query language is interrupted then).
    static let timeLimit: Duration = .seconds(10)

    func respond(to request: Request) async -> Response {
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
                text: #"{"error":{"status":413,"exitCode":64,"message":"the request body is larger than \#(Explorer.maxBodyBytes) bytes"}}"#
                    + "\n"), isHead: false)
    }

    /// Hummingbird's response for the explorer's, with the security headers.
    static func response(_ answer: WebResponse, isHead: Bool) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = answer.contentType
        for (name, value) in WebResponse.securityHeaders + answer.headers {
            if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
        }
        let bytes = isHead ? [] : answer.body
        fields[.contentLength] = String(answer.body.count)
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
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
