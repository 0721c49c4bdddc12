import Foundation

/// The claims of an access token that decide whether Microsoft Graph accepts a call.
///
///     let claims = TokenClaims(payload: jwt.payload)
///     claims.kind  // .delegated when there is an scp claim or idtyp is "user"
public struct TokenClaims: Sendable, Equatable {
    public enum Kind: String, Sendable { case delegated, application, unknown }

    public let audiences: [String]
    public let scopes: [String]
    public let roles: [String]
    public let wids: [String]?
    public let idtyp: String?
    public let version: String?
    public let expires: Date?
    public let notBefore: Date?
    public let tenantId: String?
    public let accountType: String?
    public let issuer: String?

    /// The tenant of personal Microsoft accounts.
    public static let consumerTenant = "9188040d-6c67-4c5b-b112-36a304b66dad"

    public init(payload: JSONObject) {
        func strings(_ key: String) -> [String]? {
            switch payload[key] {
            case .string(let text)?: return [text]
            case .array(let values)?: return values.compactMap { if case .string(let text) = $0 { return text } else { return nil } }
            default: return nil
            }
        }
        func string(_ key: String) -> String? { if case .string(let text)? = payload[key] { return text } else { return nil } }
        func date(_ key: String) -> Date? {
            switch payload[key] {
            case .number(let seconds)?: return Date(timeIntervalSince1970: seconds)
            case .string(let text)?: return Double(text).map { Date(timeIntervalSince1970: $0) }
            default: return nil
            }
        }
        audiences = strings("aud") ?? []
        scopes = (string("scp") ?? "").split(separator: " ").map(String.init)
        roles = strings("roles") ?? []
        wids = strings("wids")
        idtyp = string("idtyp")
        version = string("ver")
        expires = date("exp")
        notBefore = date("nbf")
        tenantId = string("tid")
        accountType = string("acct")
        issuer = string("iss")
        self.hasScopeClaim = payload["scp"] != nil
    }

    private let hasScopeClaim: Bool

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

/// What an audience value names.
public enum Audience {
    static let graph: Set<String> = [
        "https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000",
        "https://graph.microsoft.us", "https://dod-graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn",
        "https://graph.microsoft.de", "https://canary.graph.microsoft.com",
    ]

    /// Whether `audience` is Microsoft Graph (any cloud).
    public static func isGraph(_ audience: String) -> Bool { graph.contains(audience.lowercased()) }

    /// A person-readable name for a non-Graph audience.
    public static func describe(_ audience: String) -> String {
        let lower = audience.lowercased()
        if lower.hasPrefix("https://graph.windows.net") || lower == "00000002-0000-0000-c000-000000000000" { return "Azure AD Graph (retired)" }
        if lower.contains("outlook.office") || lower == "00000002-0000-0ff1-ce00-000000000000" { return "the Outlook / Exchange Online REST API" }
        if lower.contains("sharepoint.com") || lower == "00000003-0000-0ff1-ce00-000000000000" { return "SharePoint Online / OneDrive" }
        if lower.hasPrefix("https://management.") { return "Azure Resource Manager" }
        if lower.hasPrefix("https://vault.azure.net") { return "Azure Key Vault" }
        if lower.hasPrefix("api://") || GUID.isValid(lower) { return "a custom API (an app registration's own audience)" }
        return "another resource"
    }
}
