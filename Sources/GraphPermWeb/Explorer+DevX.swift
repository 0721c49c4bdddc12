import Foundation
import GraphPermCore
import GraphPermJSON
import GraphPermKit

/// The permissions endpoint of Microsoft's online Graph Explorer service (DevX API), answered offline, so scripts
/// written for it can use the local knowledge base: the same parameters and the same JSON shapes.
///
///     GET /permissions?requesturl=/me/messages&method=GET&scopeType=DelegatedWork
///     [{"value":"Mail.ReadBasic","scopeType":"DelegatedWork","consentDisplayName":"…","consentDescription":"…",
///       "isAdmin":false,"isLeastPrivilege":true,"isHidden":false}, …]
///
/// As that service does: every permission that grants the call, per permission type, marked least where Microsoft's
/// data marks it; hidden permissions left out unless `includeHidden=true`; display texts are the user-consent ones
/// for delegated types (the admin ones when a permission has none) and the admin ones for Application.
extension Explorer {
    /// One entry of the answer.
    struct ScopeInformation {
        let value: String
        let scheme: Scheme
        let displayName: String?
        let description: String?
        let isAdmin: Bool
        let isLeastPrivilege: Bool
        let isHidden: Bool

        var json: String {
            JSONText.object([
                ("value", JSONText.string(value)), ("scopeType", JSONText.string(scheme.rawValue)),
                ("consentDisplayName", JSONText.optional(displayName)),
                ("consentDescription", JSONText.optional(description)),
                ("isAdmin", JSONText.bool(isAdmin)), ("isLeastPrivilege", JSONText.bool(isLeastPrivilege)),
                ("isHidden", JSONText.bool(isHidden)),
            ])
        }
    }

    /// `GET /permissions?requesturl=…&method=GET[&scopeType=…][&includeHidden=true]`.
    func devXLookup(_ request: WebRequest) throws -> WebResponse {
        let url = try required(request, "requesturl", example: "requesturl=/me/messages")
        let method = (request.parameter("method") ?? "GET").uppercased()
        let schemes = try devXSchemes(request)
        let includeHidden = request.parameter("includeHidden")?.lowercased() == "true"
        let scopes = try devXScopes(method: method, url: url, schemes: schemes, includeHidden: includeHidden)
        guard !scopes.isEmpty else {
            throw WebError(
                status: 404, exitCode: 1, message: "Permissions information for '\(method) \(url)' was not found.")
        }
        return .json(JSONText.array(scopes.map(\.json)) + "\n")
    }

    /// `POST /permissions[?scopeType=…]` with `[{"requestUrl": …, "method": …}]`: the permissions of all the calls
    /// (each once, least when least for any call), and one error per call without an answer.
    func devXBatch(_ request: WebRequest) throws -> WebResponse {
        let schemes = try devXSchemes(request)
        let includeHidden = request.parameter("includeHidden")?.lowercased() == "true"
        let value: JSONValue
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw WebError(status: 400, exitCode: 65, message: "the request body is not JSON: \(error)")
        }
        guard case .array(let items) = value else {
            throw WebError(status: 400, exitCode: 65,
                           message: #"the request body must be an array of {"requestUrl": …, "method": …}"#)
        }
        var results: [ScopeInformation] = []
        var errors: [String] = []
        var seenRequests: Set<String> = []
        for item in items {
            guard case .object(let object) = item, case .string(let url)? = object["requestUrl"] else {
                errors.append(Self.devXError(url: nil, "each item needs a requestUrl string"))
                continue
            }
            var method = "GET"
            if case .string(let given)? = object["method"] { method = given.uppercased() }
            guard seenRequests.insert(method + " " + url.lowercased()).inserted else { continue }
            do {
                let scopes = try devXScopes(method: method, url: url, schemes: schemes, includeHidden: includeHidden)
                if scopes.isEmpty { throw LookupError.unknownPath(url, suggestions: []) }
                for scope in scopes {
                    if let index = results.firstIndex(where: { $0.value == scope.value && $0.scheme == scope.scheme }) {
                        if scope.isLeastPrivilege, !results[index].isLeastPrivilege { results[index] = scope }
                    } else {
                        results.append(scope)
                    }
                }
            } catch {
                errors.append(Self.devXError(url: url, "Permissions information for '\(method) \(url)' was not found."))
            }
        }
        return .json(
            JSONText.object([
                ("results", JSONText.array(results.map(\.json))), ("errors", JSONText.array(errors)),
            ]) + "\n")
    }

    private static func devXError(url: String?, _ message: String) -> String {
        JSONText.object([("requestUrl", JSONText.optional(url)), ("message", JSONText.string(message))])
    }

    /// The `scopeType` parameter: DelegatedWork, DelegatedPersonal or Application (all when absent).
    private func devXSchemes(_ request: WebRequest) throws -> Set<Scheme>? {
        guard let text = request.parameter("scopeType"), !text.isEmpty else { return nil }
        guard let scheme = Scheme.allCases.first(where: { $0.rawValue.caseInsensitiveCompare(text) == .orderedSame })
        else {
            throw WebError(status: 400, exitCode: 64,
                           message: "scopeType takes DelegatedWork, DelegatedPersonal or Application, not '\(text)'")
        }
        return [scheme]
    }

    /// Every permission granting `method` on `url` in `schemes`, least first within each permission type.
    private func devXScopes(method: String, url: String, schemes: Set<Scheme>?, includeHidden: Bool) throws
        -> [ScopeInformation]
    {
        let answer = try kb.least(method: method, target: url, schemes: schemes)
        var scopes: [ScopeInformation] = []
        for (scheme, entry) in answer.schemes {
            guard let entry else { continue }
            for name in entry.least + entry.higher {
                let facts = try card(name)?.entries.first { $0.scheme == scheme }
                let hidden = facts?.isHidden ?? false
                if hidden, !includeHidden { continue }
                let delegatedText = scheme.isDelegated
                scopes.append(ScopeInformation(
                    value: name, scheme: scheme,
                        displayName: delegatedText
                            ? facts?.userDisplayName ?? facts?.adminDisplayName : facts?.adminDisplayName,
                        description: delegatedText
                            ? facts?.userDescription ?? facts?.adminDescription : facts?.adminDescription,
                    isAdmin: facts?.requiresAdminConsent ?? false, isLeastPrivilege: entry.least.contains(name),
                    isHidden: hidden))
            }
        }
        return scopes
    }

    /// A permission's card, read once.
    private func card(_ name: String) throws -> PermissionCard? {
        if let cached = cards.withLock({ $0[name] }) { return cached }
        guard case .permission(let card) = try kb.show(name) else { return nil }
        cards.withLock { $0[name] = card }
        return card
    }
}
