import GraphPermPlatform
import GraphPermJSON

/// The claims of an access token that decide whether Microsoft Graph accepts a call.
///
///     let claims = TokenClaims(payload: jwt.payload)
///     claims.kind  // .delegated when there is an scp claim or idtyp is "user"
public struct TokenClaims: Sendable, Equatable {
    /// Whose token it is: a signed-in user's (`delegated`), an app's (`application`), or unknown.
    public enum Kind: String, Sendable { case delegated, application, unknown }

    /// The `aud` claim: `["https://graph.microsoft.com"]`.
    public let audiences: [String]
    /// The delegated permissions of the `scp` claim: `["User.Read", "Mail.Read"]`.
    public let scopes: [String]
    /// The application permissions (and app roles) of the `roles` claim: `["Mail.Read"]`.
    public let roles: [String]
    /// The admin role template IDs of the `wids` claim; nil when the token has no such claim.
    public let wids: [String]?
    /// The `idtyp` claim: `user` or `app`.
    public let idtyp: String?
    /// The token version of the `ver` claim: `1.0` or `2.0`.
    public let version: String?
    /// When the token expires (`exp`).
    public let expires: Date?
    /// When the token becomes valid (`nbf`).
    public let notBefore: Date?
    /// The tenant that issued the token (`tid`).
    public let tenantId: String?
    /// The account type of the `acct` claim: `0` for a member of the tenant, `1` for a guest.
    public let accountType: String?
    /// The `iss` claim: `https://sts.windows.net/<tenant>/`.
    public let issuer: String?

    /// The tenant of personal Microsoft accounts.
    package static let consumerTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

    /// Whether these are only the claims someone knows (from a report, say): a missing claim is then unknown, not
    /// absent, and says nothing.
    public let isPartial: Bool

    /// Reads the claims of a decoded payload: `TokenClaims(payload: object).scopes  // ["User.Read"]`.
    public init(payload: JSONObject, isPartial: Bool = false) {
        self.isPartial = isPartial
        func strings(_ key: String) -> [String]? {
            switch payload[key] {
            case .string(let text)?: return [text]
            case .array(let values)?:
                return values.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
            default: return nil
            }
        }
        func string(_ key: String) -> String? {
            if case .string(let text)? = payload[key] { return text } else { return nil }
        }
        var unreadable: [String] = []
        func date(_ key: String) -> Date? {
            guard let value = payload[key] else { return nil }
            guard let date = TokenTime.date(value) else {
                unreadable.append(key)
                return nil
            }
            return date
        }
        audiences = strings("aud") ?? []
        scopes = (string("scp") ?? "").split(separator: " ").map(String.init)
        roles = strings("roles") ?? []
        wids = strings("wids")
        idtyp = string("idtyp")
        version = string("ver")
        expires = date("exp")
        notBefore = date("nbf")
        issuedAt = date("iat")
        tenantId = string("tid")
        accountType = string("acct")
        issuer = string("iss")
        self.hasScopeClaim = payload["scp"] != nil
        self.hasPermissionClaim = payload["scp"] != nil || payload["roles"] != nil
        unreadableTimes = unreadable
    }

    /// When the token was issued (`iat`), if that is a time.
    public let issuedAt: Date?
    /// The time claims (`exp`, `nbf`, `iat`) present but not a time: not a number, infinite, NaN, or outside
    /// the years 1–9999 (a token's numbers are never trusted to fit a date).
    public let unreadableTimes: [String]

    private let hasScopeClaim: Bool
    /// Whether the token shows its permissions (`scp` or `roles`); with partial claims, nothing is known of them
    /// otherwise.
    public let hasPermissionClaim: Bool

    /// Delegated (a user signed in) or application (app-only).
    public var kind: Kind {
        if idtyp == "app" { return .application }
        if idtyp == "user" || hasScopeClaim { return .delegated }
        if !roles.isEmpty { return .application }
        return .unknown
    }

    /// Whether the signed-in user is a personal Microsoft account.
    public var isPersonalAccount: Bool {
        accountType == "1" || tenantId == Self.consumerTenant
    }

    /// The permissions the token carries for its kind: `scp` for delegated, `roles` for application.
    public var permissions: [String] { kind == .delegated ? scopes : roles }
}

/// A time claim read safely: seconds since 1970 as a number or a numeric string, within the years 1–9999.
///
///     TokenTime.date(.number(1_700_000_000))  // 2023-11-14T22:13:20Z
///     TokenTime.date(.number(1e300))          // nil
///     TokenTime.date(.string("nan"))          // nil
package enum TokenTime {
    /// The earliest and latest seconds since 1970 accepted: 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    package static let range: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799

    package static func date(_ value: JSONValue) -> Date? {
        let seconds: Double
        switch value {
        case .number(let number): seconds = number
        case .string(let text):
            guard text.utf8.count <= 40, let number = Double(text) else { return nil }
            seconds = number
        default: return nil
        }
        guard seconds.isFinite, range.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whole seconds since 1970, for evidence text (`date` is within `range`, so this cannot overflow).
    package static func seconds(_ date: Date) -> Int64 {
        let value = date.timeIntervalSince1970
        guard value.isFinite, range.contains(value) else { return 0 }
        return Int64(value.rounded(.down))
    }
}

/// What an audience value names.
package enum Audience {
    package static let graph: Set<String> = [
        "https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000",
        "https://graph.microsoft.us", "https://dod-graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn",
        "https://graph.microsoft.de", "https://canary.graph.microsoft.com",
    ]

    /// Whether `audience` is Microsoft Graph (any cloud).
    package static func isGraph(_ audience: String) -> Bool { graph.contains(audience.lowercased()) }

    /// A person-readable name for a non-Graph audience.
    package static func describe(_ audience: String) -> String {
        let lower = audience.lowercased()
        if lower.hasPrefix("https://graph.windows.net") || lower == "00000002-0000-0000-c000-000000000000" {
            return "Azure AD Graph (retired)"
        }
        if lower.contains("outlook.office") || lower == "00000002-0000-0ff1-ce00-000000000000" {
            return "the Outlook / Exchange Online REST API"
        }
        if lower.contains("sharepoint.com") || lower == "00000003-0000-0ff1-ce00-000000000000" {
            return "SharePoint Online / OneDrive"
        }
        if lower.hasPrefix("https://management.") { return "Azure Resource Manager" }
        if lower.hasPrefix("https://vault.azure.net") { return "Azure Key Vault" }
        if lower.hasPrefix("api://") || GUID.isValid(lower) {
            return "a custom API (an app registration's own audience)"
        }
        return "another resource"
    }
}
