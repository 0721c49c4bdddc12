import Foundation
import GraphPermCore
import GraphPermJSON
import GraphPermKit

/// The `need` and `diagnose` forms and their results.
extension Explorer {
    private static let schemeChoices = [
        ("", "all permission types"), ("delegated", "delegated"), ("work", "delegated (work)"),
        ("personal", "delegated (personal)"), ("application", "application"),
    ]

    private func needFormMarkup(calls: String, scheme: String) -> String {
        let options = Self.schemeChoices.map { value, label in
            "<option value=\"\(value)\"\(value == scheme ? " selected" : "")>\(label)</option>"
        }.joined()
        return """
            <form action="/need" method="post" enctype="multipart/form-data" class="stack">
            <label for="calls">Calls: <code>METHOD URL</code> lines, JSON Lines <code>{"method": …, "url": …}</code>, \
            or a HAR file's text</label>
            <textarea name="calls" id="calls" rows="10" cols="100" \
            placeholder="GET /me&#10;GET /me/messages&#10;POST /me/sendMail">\(HTML.escape(calls))</textarea>
            <label>And/or upload a file of calls or a HAR file (browser developer tools, "Save all as HAR"): \
            <input type="file" name="har" id="har" accept=".har,.json,.jsonl,.txt"></label>
            <label>Permission types <select name="scheme">\(options)</select></label>
            <button type="submit">Find the fewest permissions</button></form>
            """
    }

    func needForm() -> WebResponse {
        .html(HTML.page(title: "Need", body: needFormMarkup(calls: "", scheme: "")))
    }

    /// The answer of `graphperm need` for the pasted calls, as tables.
    /// The calls come from the text box, an uploaded file (a HAR file, read as `need` reads one), or both.
    func needResult(_ request: WebRequest) throws -> WebResponse {
        let parts: [FormPart]
        do {
            parts = try request.formParts()
        } catch {
            return .html(HTML.page(title: "Need", body: needFormMarkup(calls: "", scheme: "")
                + "<p class=\"error\">\(HTML.escape(error.message))</p>"), status: error.status)
        }
        func field(_ name: String) -> FormPart? { parts.first { $0.name == name } }
        let calls = field("calls")?.text ?? ""
        let scheme = field("scheme")?.text ?? ""
        var body = needFormMarkup(calls: calls, scheme: scheme)
        do {
            var list = try AppCalls.parse(calls, file: "calls")
            if let upload = field("har"), !upload.value.isEmpty {
                let name = String((upload.fileName.flatMap { $0.isEmpty ? nil : $0 } ?? "uploaded file").prefix(200))
                let read = try AppCalls.parse(upload.text, file: name)
                list += read
                body += "<p>Read \(read.count) call\(read.count == 1 ? "" : "s") from \(HTML.escape(name)).</p>"
            }
            guard !list.isEmpty else { throw WebError(status: 400, exitCode: 64, message: "no calls were given") }
            let schemes = scheme.isEmpty ? Scheme.allCases : (Scheme.set(userText: scheme)?.sorted() ?? Scheme.allCases)
            let analysis = try kb.need(list, schemes: schemes)
            body += "<h2>Answer</h2>" + HTML.linkedTable(analysis.tabular)
            return .html(HTML.page(title: "Need", body: body))
        } catch {
            let failure = WebError(error)
            body += "<p class=\"error\">\(HTML.escape(failure.message))</p>"
            return .html(HTML.page(title: "Need", body: body), status: failure.status)
        }
    }

    private func diagnoseFormMarkup(method: String, url: String, status: String) -> String {
        let options = Self.methods.map { "<option\($0 == method ? " selected" : "")>\($0)</option>" }.joined()
        return """
            <p class="notice">The token is processed in memory for this answer only: it is never logged, stored or \
            sent anywhere, and this page does not show it back. Its signature is not verified.</p>
            <form action="/diagnose" method="post" class="stack" autocomplete="off">
            <label>Call <select name="method">\(options)</select>
            <input type="text" name="url" value="\(HTML.escape(url))" size="60" placeholder="/me/messages"></label>
            <label for="token">Access token (or <code>Bearer …</code>)</label>
            <textarea name="token" id="token" rows="5" cols="100" spellcheck="false"></textarea>
            <label>HTTP status (optional) <input type="text" name="status" value="\(HTML.escape(status))" size="5">
            </label>
            <label for="errorBody">Error response body (optional)</label>
            <textarea name="errorBody" id="errorBody" rows="4" cols="100"></textarea>
            <button type="submit">Diagnose</button></form>
            """
    }

    func diagnoseForm() -> WebResponse {
        var response = WebResponse.html(HTML.page(title: "Diagnose a 401/403",
                                                  body: diagnoseFormMarkup(method: "GET", url: "", status: "")))
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }

    /// The diagnosis of `graphperm diagnose`; the token lives only in this request's memory.
    func diagnoseResult(_ request: WebRequest) throws -> WebResponse {
        let method = request.field("method") ?? "GET"
        let url = request.field("url") ?? ""
        let status = request.field("status") ?? ""
        var body = diagnoseFormMarkup(method: method, url: url, status: status)
        var code = 200
        do {
            guard !url.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw WebError(status: 400, exitCode: 64, message: "give the URL that was called")
            }
            let jwt: JWT
            do {
                jwt = try JWT.decode(request.field("token") ?? "")
            } catch {
                throw WebError(status: 400, exitCode: 65, message: "the token cannot be read: \(error)")
            }
            let errorBody = request.field("errorBody").flatMap { $0.isEmpty ? nil : ErrorBody(text: $0) }
            let diagnosis = try Diagnoser(kb: kb).diagnose(
                method: method, url: url, claims: TokenClaims(payload: jwt.payload), at: Date(),
                status: Int(status.trimmingCharacters(in: .whitespaces)), errorBody: errorBody)
            body +=
                "<h2>Verdict: \(HTML.escape(diagnosis.verdict.rawValue))</h2><pre>\(HTML.escape(diagnosis.text))</pre>"
        } catch {
            let failure = WebError(error)
            code = failure.status
            body += "<p class=\"error\">\(HTML.escape(failure.message))</p>"
        }
        var response = WebResponse.html(HTML.page(title: "Diagnose a 401/403", body: body), status: code)
        response.headers.append(("Cache-Control", "no-store"))
        return response
    }
}
