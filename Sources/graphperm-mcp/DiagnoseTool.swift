import Foundation
import GraphPermKit
import GraphPermStore
import MCP

/// The `diagnose` tool: why a call got 401 or 403, from the token's claims (given decoded, or read from a file) and
/// the request; as `graphperm diagnose`. The token is read, decoded and forgotten: no message quotes it.
enum DiagnoseTool {
    static let tool = GraphTool(
        name: "diagnose",
        description: "Explain why a Microsoft Graph call got 401 or 403 (or whether it would), from the access "
            + "token's claims and the request: audience, expiry, token type, the permissions in scp or roles against "
            + "what the call needs, admin roles, and the error response. The verdict is allowed, denied or unknown; "
            + "causes come most likely first, each with its fix. Give the decoded claims, or the path of a file "
            + "holding "
            + "the token (never the token itself); the token is not stored, printed or logged.",
        arguments: [
            LookupTools.method, LookupTools.url,
            .optional("claims", .object, "The token's decoded payload claims (scp, roles, aud, exp, wids, ...)."),
            .optional("token_file", .string, "A file holding the access token (a JWT)."),
            .optional("status", .integer, "The HTTP status the call returned."),
            .optional("error_body", .objectOrString, "The JSON error response (an object, or its text)."),
            .optional("at", .string, "Judge expiry at this time (ISO 8601, e.g. 2026-11-23T12:00:00Z) instead of now."),
            .optional("partial_claims", .boolean, "The claims are only what is known: a claim they lack is unknown."),
        ],
        outputSchema: OutputSchema.object([
            "request", "template", "token", "verdict", "causes", "equallyLikely", "limits",
        ])
    ) { arguments, kb throws(ToolFailure) in
        let jwt = try token(arguments)
        let body = try arguments.value("error_body").map { value throws(ToolFailure) in
            ErrorBody(text: try text(of: value))
        }
        var now = Date()
        if let at = arguments.string("at") {
            guard let date = ISO8601DateFormatter().date(from: at) else {
                throw ToolFailure("diagnose: at takes an ISO 8601 time such as 2026-11-23T12:00:00Z, not '\(at)'")
            }
            now = date
        }
        let claims = TokenClaims(payload: jwt.payload, isPartial: arguments.boolean("partial_claims") ?? false)
        let diagnosis = try ToolFailure.guarded {
            try Diagnoser(kb: kb).diagnose(
                method: arguments.string("method")!, url: arguments.string("url")!, claims: claims, at: now,
                status: arguments.integer("status"), errorBody: body)
        }
        let note = "(the token's signature is not verified; the token is not stored or printed)\n"
        return ToolAnswer(text: diagnosis.text + note, json: diagnosis.json)
    }

    /// The decoded token: the claims given, or the token in `token_file`.
    private static func token(_ arguments: ToolArguments) throws(ToolFailure) -> JWT {
        switch (arguments.value("claims"), arguments.string("token_file")) {
        case (.some, .some):
            throw ToolFailure("diagnose: give the token one way only: claims or token_file, not both")
        case (nil, nil):
            throw ToolFailure("diagnose: give the token's decoded claims (claims) or a file holding it (token_file)")
        case (.some(let value), nil):
            guard case .object(let payload) = try? JSONParser.parse(Array(try text(of: value).utf8)) else {
                throw ToolFailure("diagnose: claims must be a JSON object of claims")
            }
            return JWT(header: JSONObject([]), payload: payload)
        case (nil, .some(let path)):
            if path == "-" {
                throw ToolFailure("diagnose: token_file '-' would be the protocol's own stdin: give a file")
            }
            let bytes = try ToolFailure.guarded { try SourceFile.read(URL(fileURLWithPath: path), limit: 1 << 20) }
            do {
                return try JWT.decode(String(decoding: bytes, as: UTF8.self))
            } catch {
                throw ToolFailure(
                    "error: the token cannot be read: \(error) "
                        + "(graphperm decodes tokens but does not verify signatures)"
                )
            }
        }
    }

    /// A JSON value as text: a string as it is, anything else encoded.
    private static func text(of value: Value) throws(ToolFailure) -> String {
        if let text = value.stringValue { return text }
        guard let data = try? JSONEncoder().encode(value) else {
            throw ToolFailure("diagnose: a value could not be read as JSON")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
