import GraphPermPlatform
import GraphPermJSON

/// `graphperm claims`: a token's claims with `scp`/`roles` resolved to permission display names and `wids` to
/// admin role names. The token itself is never printed.
package struct ClaimsReport: Sendable, Renderable {
    package let jwt: JWT
    package let claims: TokenClaims
    package let permissions: [(name: String, displayName: String?)]
    package let roles: [(id: String, name: String?)]

    /// The token's header and claims, the permissions and admin roles they name (the signature is not verified).
    package var json: String {
        JSONText.object([
                ("signature", JSONText.string("not verified")),
                ("kind", JSONText.string(claims.kind.rawValue)),
                ("header", JSONValueText.render(.object(jwt.header))),
                ("claims", JSONValueText.render(.object(jwt.payload))),
                ("permissions", JSONText.array(permissions.map {
                    JSONText.object([
                        ("name", JSONText.string($0.name)), ("displayName", JSONText.optional($0.displayName)),
                    ])
                })),
                ("adminRoles", JSONText.array(roles.map {
                    JSONText.object([("id", JSONText.string($0.id)), ("role", JSONText.optional($0.name))])
                })),
        ])
    }

    /// One row per claim, permission and admin role, with what it means.
    package var tableForm: TabularText? {
        let kindMeaning = claims.kind == .delegated
            ? "a signed-in user (scp)" : claims.kind == .application ? "app-only (roles)" : ""
        var rows: [[String]] = [["kind", claims.kind.rawValue, kindMeaning]]
        for (key, value) in jwt.payload.members {
            rows.append([key, JSONValueText.plain(value), meaning(of: key)])
        }
        for permission in permissions {
            rows.append([
                claims.kind == .application ? "roles" : "scp", permission.name,
                permission.displayName ?? "(unknown permission)",
            ])
        }
        for role in roles { rows.append(["wids", role.id, role.name ?? "(a role the Security API does not use)"]) }
        return TabularText(columns: ["claim", "value", "meaning"], rows: rows)
    }

    private func meaning(of key: String) -> String {
        switch key {
        case "aud":
            return claims.audiences.contains(where: Audience.isGraph)
                ? "Microsoft Graph" : claims.audiences.first.map(Audience.describe) ?? ""
        case _ where claims.unreadableTimes.contains(key): return "not a time (out of range, infinite or not a number)"
        case "exp": return claims.expires.map { "expires " + $0.iso8601 } ?? ""
        case "nbf": return claims.notBefore.map { "valid from " + $0.iso8601 } ?? ""
        case "iat": return claims.issuedAt.map { "issued at " + $0.iso8601 } ?? "issued at"
        case "tid":
            return claims.tenantId == TokenClaims.consumerTenant ? "personal Microsoft accounts tenant" : "tenant"
        case "idtyp": return "token type"
        case "wids": return "directory role template IDs"
        case "scp": return "delegated permissions"
        case "roles": return "application permissions (or app roles)"
        default: return ""
        }
    }

    package init(
        jwt: JWT, claims: TokenClaims, permissions: [(name: String, displayName: String?)],
        roles: [(id: String, name: String?)]
    ) {
        self.jwt = jwt
        self.claims = claims
        self.permissions = permissions
        self.roles = roles
    }
}

/// JSON text of a parsed value (for echoing claims and writing documents).
package enum JSONValueText {
    package static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): JSONText.string(text)
        case .array(let values): JSONText.array(values.map(render))
        case .object(let object): JSONText.object(object.members.map { ($0.key, render($0.value)) })
        }
    }

    package static func plain(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return render(value)
    }
}
