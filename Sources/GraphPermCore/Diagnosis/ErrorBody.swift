import GraphPermJSON
/// What a Microsoft Graph error response says, reduced to the signals the diagnosis reads.
///
///     ErrorBody(text: #"{"error": {"code": "ErrorAccessDenied", "message": "Access to OData is disabled."}}"#)
///         .code  // "ErrorAccessDenied"
public struct ErrorBody: Sendable, Equatable {
    /// The error code: `ErrorAccessDenied`; nil when the body has none.
    public let code: String?
    /// The error message: `Access to OData is disabled.`; nil when the body has none.
    public let message: String?
    /// The whole text, lower-cased, for phrases outside `error.code` / `error.message`.
    package let text: String

    /// Reads a response body: `ErrorBody(text: #"{"error": {"code": "Forbidden"}}"#).code  // "Forbidden"`.
    public init(text: String) {
        self.text = text.lowercased()
        var code: String? = nil
        var message: String? = nil
        if let value = try? JSONParser.parse(Array(text.utf8)), case .object(let root) = value {
            let error: JSONObject? = {
                if case .object(let inner)? = root["error"] { return inner } else { return nil }
            }()
            if case .string(let text)? = error?["code"] { code = text }
            if case .string(let text)? = error?["message"] { message = text }
            if code == nil, case .string(let text)? = root["error"] { code = text }
            if message == nil, case .string(let text)? = root["error_description"] { message = text }
        }
        self.code = code
        self.message = message
    }

    package func mentions(_ phrase: String) -> Bool { text.contains(phrase.lowercased()) }

    /// A short quote for evidence.
    package var quote: String {
        [code, message].compactMap { $0 }.joined(separator: ": ").prefix(200).description
    }
}
