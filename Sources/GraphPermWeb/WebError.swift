import Foundation
import GraphPermCore
import GraphPermJSON
import GraphPermKit
import GraphPermQuery
import GraphPermStore

/// A failure as the explorer reports it: the HTTP status, the CLI's exit code of the same failure, and its message.
/// No answer (exit 1) is 404, a bad request (64, or bad data sent with it, 65) 400, the server's own trouble 500.
struct WebError: Error {
    let status: Int
    let exitCode: Int32
    let message: String

    init(status: Int, exitCode: Int32, message: String) {
        self.status = status
        self.exitCode = exitCode
        self.message = message
    }

    /// The failure a library error stands for.
    init(_ error: any Error) {
        switch error {
        case let error as WebError: self = error
        case let error as LookupError:
            if case .badMethod = error {
                self.init(status: 400, exitCode: 64, message: error.description)
            } else {
                self.init(status: 404, exitCode: 1, message: error.description)
            }
        case let error as QueryError: self.init(status: 400, exitCode: 64, message: error.description)
        case let error as LoadError: self.init(status: error.exitCode == 65 ? 400 : 500, exitCode: error.exitCode,
                                               message: "\(error)")
        case let error as KnowledgeBaseError:
            if case .query = error {
                self.init(status: 400, exitCode: 65, message: error.description)
            } else {
                self.init(status: 500, exitCode: error.exitCode, message: error.description)
            }
        default: self.init(status: 500, exitCode: 1, message: "\(error)")
        }
    }

    /// `{"error": {"status": 404, "exitCode": 1, "message": "…"}}`.
    var json: WebResponse {
        .json(
            JSONText.object([
                ("error", JSONText.object([
                    ("status", String(status)), ("exitCode", String(exitCode)), ("message", JSONText.string(message)),
                ]))
            ]) + "\n", status: status)
    }

    /// An error page saying the same.
    var page: WebResponse {
        let title = status == 404 ? "Not found" : status == 400 ? "Bad request" : "Error \(status)"
        return .html(HTML.page(title: title, body: "<p class=\"error\">\(HTML.escape(message))</p>"), status: status)
    }
}
