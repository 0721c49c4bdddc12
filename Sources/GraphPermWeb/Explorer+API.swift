import Foundation
import GraphPermCLI
import GraphPermCore
import GraphPermKit
import GraphPermQuery

/// The JSON API: each answer is exactly the JSON the matching CLI command prints.
extension Explorer {
    /// `GET /api/least?method=GET&url=/me/messages[&scheme=application]`: `graphperm least … --format json`.
    func apiLeast(_ request: WebRequest) throws -> WebResponse {
        let method = try required(request, "method", example: "method=GET")
        let url = try required(request, "url", example: "url=/me/messages")
        let answer = try kb.least(method: method, target: url, schemes: try schemes(request))
        return .json(answer.render(.json))
    }

    /// `GET /api/who-can?method=GET&url=/me/messages`: `graphperm query 'who can GET …' --format json`.
    func apiWhoCan(_ request: WebRequest) throws -> WebResponse {
        let method = try required(request, "method", example: "method=GET")
        let url = try required(request, "url", example: "url=/me/messages")
        let filter = try schemeFilter(request)
        return .json(try kb.run(.whoCan(method: method.uppercased(), target: url, schemes: filter)).render(.json))
    }

    /// `GET /api/show/Mail.Read`: `graphperm show Mail.Read --format json`.
    func apiShow(_ name: String) throws -> WebResponse {
        .json(try kb.show(name).render(.json))
    }

    /// `POST /api/need[?scheme=application]` with calls (lines, JSON Lines or HAR): `graphperm need FILE --format
    /// json`.
    func apiNeed(_ request: WebRequest) throws -> WebResponse {
        let text = String(decoding: request.body, as: UTF8.self)
        let calls = try AppCalls.parse(text, file: "request body")
        guard !calls.isEmpty else {
            throw WebError(
                status: 400, exitCode: 64, message: "the request body holds no calls: send `METHOD URL` lines")
        }
        let schemes = try self.schemes(request).map { $0.sorted() } ?? Scheme.allCases
        return .json(try kb.need(calls, schemes: schemes).render(.json))
    }

    /// `GET /api/query?q=…`: `graphperm query '…' --format json` (every statement's output, in order).
    func apiQuery(_ request: WebRequest) -> WebResponse {
        guard let text = request.parameter("q"), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return WebError(status: 400, exitCode: 64, message: "the parameter 'q' is missing, e.g. q=least GET /me")
                .json
        }
        var output = ""
        var failures: [(String, Int32)] = []
        for outcome in ScriptRunner(kb: kb, format: .json).run(script: text) {
            switch outcome {
            case .output(let text): output += text
            case .failure(let message, let status): failures.append((message, status))
            }
        }
        guard failures.isEmpty else {
            let code = failures.map(\.1).max() ?? 1
            let status = code == 1 ? 404 : code == 64 || code == 65 ? 400 : 500
            return WebError(status: status, exitCode: code, message: failures.map(\.0).joined(separator: "\n")).json
        }
        return .json(output)
    }

    /// The query language's scheme filter from a `scheme` parameter.
    func schemeFilter(_ request: WebRequest) throws -> SchemeFilter? {
        guard let text = request.parameter("scheme"), !text.isEmpty else { return nil }
        guard let filter = SchemeFilter(word: text.lowercased()) else {
            throw WebError(
                status: 400, exitCode: 64,
                message: "scheme takes delegated, work, personal or application, not '\(text)'")
        }
        return filter
    }
}
