import GraphPermPlatform

/// One reason a call may fail, with what shows it and what to do.
public struct Cause: Sendable, Equatable {
    /// The cause codes of `graphperm diagnose`.
    public enum Code: String, Sendable, CaseIterable {
        case missingScope = "missing_scope"
        case missingAppRole = "missing_app_role"
        case wrongTokenType = "wrong_token_type"
        case missingAdminRole = "missing_admin_role"
        case implicitFlowNoWids = "implicit_flow_no_wids"
        case wrongAudience = "wrong_audience"
        case expiredOrInvalidToken = "expired_or_invalid_token"
        case personalAccountUnsupported = "personal_account_unsupported"
        case conditionalAccess = "conditional_access"
        case ewsAccessPolicy = "ews_access_policy"
        case licenseOrUserPrivilege = "license_or_user_privilege"
        case consentNotGranted = "consent_not_granted"
        case other
    }

    /// How strong the evidence is: what the token itself shows outranks a specific error code or message,
    /// which outranks a generic one.
    public enum Strength: Int, Sendable, Comparable {
        case generic = 1, specificError = 2, token = 3
        /// Weaker evidence sorts first: `Strength.generic < .token  // true`.
        public static func < (lhs: Strength, rhs: Strength) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The cause's code: `.missingScope`.
    public let code: Code
    /// What is wrong, in a sentence.
    public let message: String
    /// What shows it (a claim of the token, the error code of the response).
    public let evidence: String
    /// What to do about it, in a sentence.
    public let fix: String
    /// How strong the evidence is: `.token` outranks an error code or message.
    public var strength: Strength = .token

    package init(code: Code, message: String, evidence: String, fix: String, strength: Strength = .token) {
        self.code = code
        self.message = message
        self.evidence = evidence
        self.fix = fix
        self.strength = strength
    }
}

/// The result of `graphperm diagnose`.
public struct Diagnosis: Sendable, Equatable, Renderable {
    /// Whether the token allows the call: `diagnosis.verdict  // .denied`.
    public enum Verdict: String, Sendable { case allowed, denied, unknown }

    /// The call's HTTP method, upper-cased: `GET`.
    public let method: String
    /// The call's URL as given.
    public let url: String
    /// The documented path the URL matched (`/security/alerts`); nil when none matched.
    public let template: String?
    /// The token's claims the diagnosis read.
    public let claims: TokenClaims
    /// Admin role names the `wids` claim resolves to.
    public let roleNames: [String]
    /// Allowed, denied or unknown, by what the token shows.
    public let verdict: Verdict
    /// Most likely first.
    public let causes: [Cause]
    /// What the inputs cannot tell (licences, the user's own rights, tenant consent).
    public let limits: [String]

    /// The diagnosis as one JSON object: `{"method": "GET", "url": ..., "verdict": "denied", ...}`.
    public var json: String {
        let token = JSONText.object([
            ("kind", JSONText.string(claims.kind.rawValue)),
            ("audience", JSONText.optional(claims.audiences.first)),
            ("expires", JSONText.optional(claims.expires.map(\.iso8601))),
            ("permissions", JSONText.strings(claims.permissions)),
            ("roles", JSONText.strings(roleNames)),
        ])
        return JSONText.object([
            ("request", JSONText.object([("method", JSONText.string(method)), ("url", JSONText.string(url))])),
            ("template", JSONText.optional(template)),
            ("token", token),
            ("verdict", JSONText.string(verdict.rawValue)),
            ("causes", JSONText.array(causes.map { cause in
                JSONText.object([("code", JSONText.string(cause.code.rawValue)),
                                 ("message", JSONText.string(cause.message)),
                                 ("evidence", JSONText.string(cause.evidence)), ("fix", JSONText.string(cause.fix)),
                                 ("strength", JSONText.string(cause.strength.name))])
            })),
            ("equallyLikely", JSONText.strings(equallyLikely.map(\.rawValue))),
            ("limits", JSONText.strings(limits)),
        ])
    }

    /// The codes of the first causes when the evidence for them is equally strong (empty when the first stands alone).
    public var equallyLikely: [Cause.Code] {
        // What the token shows are facts, each to be fixed; only inferences from an error response can tie.
        guard let first = causes.first, first.strength != .token else { return [] }
        let tied = causes.prefix { $0.strength == first.strength }.map(\.code).uniqued()
        return tied.count > 1 ? tied : []
    }

    /// The diagnosis in sentences (`text`), for a terminal.
    public var proseForm: String? { text }

    /// A short explanation a person can act on, the fix first.
    public var text: String {
        var lines: [String] = []
        switch verdict {
        case .allowed: lines.append("Nothing in the token forbids \(method) \(template ?? url).")
        case .denied: lines.append("\(method) \(template ?? url) is denied by what the token says.")
        case .unknown:
            lines.append("The token looks sufficient for \(method) \(template ?? url); the cause is outside it.")
        }
        if equallyLikely.count > 1 {
            lines.append("")
            lines.append("Equally likely from these inputs: \(equallyLikely.map(\.rawValue).joined(separator: ", "))"
                + " (the first \(equallyLikely.count) below).")
        }
        for (index, cause) in causes.enumerated() {
            lines.append("")
            lines.append("\(index + 1). Fix: \(cause.fix)")
            lines.append("   Why: \(cause.message) [\(cause.code.rawValue)]")
            lines.append("   Evidence: \(cause.evidence)")
        }
        if !limits.isEmpty {
            lines.append("")
            lines.append("Not known from these inputs: " + limits.joined(separator: "; ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package init(method: String, url: String, template: String?, claims: TokenClaims, roleNames: [String],
                 verdict: Verdict, causes: [Cause], limits: [String]) {
        self.method = method
        self.url = url
        self.template = template
        self.claims = claims
        self.roleNames = roleNames
        self.verdict = verdict
        self.causes = causes
        self.limits = limits
    }
}

extension Cause.Strength {
    /// `token`, `specific error` or `generic error`.
    public var name: String {
        switch self {
        case .token: "token"
        case .specificError: "specific error"
        case .generic: "generic error"
        }
    }
}
