/// What an error response (and a status alone) says about a refused call, each cause with the strength of its
/// evidence: a specific code or message (`Invalid audience`, `Access to OData is disabled`) is strong, a generic one
/// (`Authorization_RequestDenied`, a bare 401) only suggests. Pure: the caller passes what it knows of the call.
///
///     let body = ErrorBody(text: #"{"error": {"code": "InvalidAuthenticationToken", "#
///         + #""message": "Access token validation failure. Invalid audience."}}"#)
///     ErrorSignals.causes(body, status: 401, call: call).first?.code  // .wrongAudience
package enum ErrorSignals {
    /// What the diagnosis knows of the call.
    package struct Call {
        package let kind: TokenClaims.Kind
        /// The path's normalised segments (`["users", "{id}"]` for a template, or the request's).
        package let segments: [String]
        package let method: String
        /// Whether the token shows the permissions and one of them grants the call (nil: unknown).
        package let holdsPermission: Bool?
        /// Whether the call supports personal Microsoft accounts (nil: unknown).
        package let supportsPersonalAccounts: Bool?

        package init(kind: TokenClaims.Kind, segments: [String], method: String, holdsPermission: Bool?,
                     supportsPersonalAccounts: Bool?) {
            self.kind = kind
            self.segments = segments
            self.method = method
            self.holdsPermission = holdsPermission
            self.supportsPersonalAccounts = supportsPersonalAccounts
        }
    }

    package static func causes(_ body: ErrorBody?, status: Int?, call: Call) -> [Cause] {
        var causes = body.map { specific($0, status: status, call: call) } ?? []
        if causes.isEmpty { causes += generic(body, status: status, call: call) }
        return causes
    }

    private static func cause(
        _ code: Cause.Code, _ message: String, _ evidence: String, _ fix: String,
        _ strength: Cause.Strength
    ) -> Cause {
        Cause(code: code, message: message, evidence: evidence, fix: fix, strength: strength)
    }

    private static func missingPermission(_ call: Call, evidence: String, strength: Cause.Strength) -> Cause {
        call.kind == .delegated
            ? cause(
                .missingScope, "the token's scp probably lacks a permission that allows this call", evidence,
                "add the least-privileged delegated permission (graphperm least), consent, and request a new token",
                strength)
            : cause(
                .missingAppRole, "the token's roles probably lack an application permission that allows this call",
                evidence,
                "add the least-privileged application permission (graphperm least), have an administrator grant it,"
                    + " and request a new token",
                strength)
    }

    /// Specific codes and messages: each names its cause.
    private static func specific(_ body: ErrorBody, status: Int?, call: Call) -> [Cause] {
        let quote = body.quote.isEmpty ? "the error response" : body.quote
        if body.mentions("insufficient_claims") || body.mentions("interaction_required")
            || body.mentions("claims challenge")
        {
            return [
                cause(
                    .conditionalAccess,
                    "a Conditional Access policy (or continuous access evaluation) asks for more than the token proves",
                    quote,
                    "pass the claims challenge from the response to the authorize endpoint (MSAL: WithClaims)"
                        + " and retry",
                    .specificError)
            ]
        }
        if body.mentions("audience") {
            return [
                cause(
                    .wrongAudience, "Microsoft Graph says the token was not issued for it", quote,
                    "request the token for Microsoft Graph: scope https://graph.microsoft.com/.default"
                        + " (or https://graph.microsoft.com/User.Read ...)",
                    .specificError)
            ]
        }
        if body.mentions("Access to OData is disabled") {
            return [
                cause(
                    .ewsAccessPolicy, "Exchange Online's application access policy blocks this app", quote,
                    "ask an Exchange administrator to check the EwsApplicationAccessPolicy"
                        + " (Get-OrganizationConfig, Get-CASMailbox) and allow the app",
                    .specificError)
            ]
        }
        if body.mentions("is not allowed to perform operations on the user")
            || body.mentions("application access policy")
        {
            return [
                cause(
                    .ewsAccessPolicy,
                    "an application access policy does not allow this app for this user"
                        + " (Teams: CsApplicationAccessPolicy; Exchange: ApplicationAccessPolicy)",
                    quote,
                    "have an administrator grant the app an application access policy for the user"
                        + " (Grant-CsApplicationAccessPolicy, New-ApplicationAccessPolicy)",
                    .specificError)
            ]
        }
        if body.mentions("application-only context only for import") {
            return [
                cause(
                    .wrongTokenType,
                    "this API allows app-only calls only for migration (import); normal use needs a delegated token",
                    quote,
                    "call it with a delegated token (a signed-in user), or use the import (migration) mode it allows",
                    .specificError)
            ]
        }
        if body.mentions("must have one of the following scopes")
            || body.mentions("must have one of the following permissions")
        {
            return [missingPermission(call, evidence: quote, strength: .specificError)]
        }
        if body.mentions("Either scp or roles claim need to be present") || body.mentions("NoPermissionsInAccessToken")
            || body.mentions("token contains no permissions")
        {
            return [
                missingPermission(
                    call,
                    evidence: quote + " (the token carries no permission: none was granted or consented)",
                    strength: .specificError)
            ]
        }
        if body.mentions("HasNoDirectoryReadAccess") {
            return [
                missingPermission(
                    call, evidence: quote + " (the API also needs to read the directory: Directory.Read.All)",
                    strength: .specificError)
            ]
        }
        if body.mentions("NonPremiumTenant") || body.mentions("premium license") {
            return [
                cause(
                    .licenseOrUserPrivilege, "this data needs a Microsoft Entra ID P1 or P2 licence in the tenant",
                    quote,
                    "license the tenant (Microsoft Entra ID P1/P2) for this API", .specificError)
            ]
        }
        if body.mentions("guest users") || body.mentions("GuestAccessDenied") {
            return [
                cause(
                    .licenseOrUserPrivilege, "the signed-in user is a guest, and this API refuses guests", quote,
                    "call it as a member of the tenant", .specificError)
            ]
        }
        if body.mentions("backend request") {
            return [
                cause(
                    .other, "a Microsoft 365 service behind Graph failed (a service-side error, not a permission)",
                    quote,
                    "retry later; check the Microsoft 365 service health", .specificError)
            ]
        }
        if body.mentions("do not have the required permissions to access this item") {
            return [
                cause(
                    .licenseOrUserPrivilege, "the signed-in user has no access to this item (not a member or owner)",
                    quote,
                    "add the user to the group, plan or site that holds the item", .specificError)
            ]
        }
        if body.mentions("AADSTS65001") || body.mentions("consent_required") || body.mentions("has not consented") {
            return [
                cause(
                    .consentNotGranted,
                    "the user or administrator has not consented to the permissions the app asks for", quote,
                    "have an administrator grant consent (Entra admin center > App registrations > API permissions)",
                    .specificError)
            ]
        }
        if body.mentions("Lifetime validation failed") || body.mentions("token is expired")
            || body.mentions("CompactToken")
            || body.mentions("signature")
        {
            return [
                cause(
                    .expiredOrInvalidToken,
                    "Microsoft Graph rejected the token itself (expired, malformed or not signed for it)", quote,
                    "acquire a fresh access token for Microsoft Graph and send it as 'Authorization: Bearer <token>'",
                    .specificError)
            ]
        }
        if status == 401, body.mentions("Error authenticating with resource") || body.code == "AuthenticationError",
            call.supportsPersonalAccounts == false
        {
            return [
                cause(
                    .personalAccountUnsupported,
                    "this API takes work or school accounts only, and Graph could not authenticate the user for it",
                    quote + "; the API supports no personal Microsoft accounts",
                    "sign in with a work or school account", .specificError)
            ]
        }
        return []
    }

    /// Generic codes, or a status alone: what they most often mean for this kind of call.
    private static func generic(_ body: ErrorBody?, status: Int?, call: Call) -> [Cause] {
        let quote =
            body.map { $0.quote.isEmpty ? "the error response" : $0.quote }
            ?? "HTTP \(status.map(String.init) ?? "?") with no error body"
        // A service that wraps a 403 in another code (Intune's UnknownError with "Forbidden" inside) refused, not
        // failed.
        let refused = status == 403 || body?.mentions("forbidden") == true
        if !refused, status == 401 || body?.code == "InvalidAuthenticationToken" {
            var causes = [
                cause(
                    .expiredOrInvalidToken,
                    "Microsoft Graph did not accept the token (expired, malformed, or for another resource)", quote,
                    "acquire a fresh access token for Microsoft Graph and retry", .generic)
            ]
            if call.supportsPersonalAccounts == false, call.kind != .application {
                causes.append(
                    cause(
                        .personalAccountUnsupported,
                        "this API takes work or school accounts only; a personal account is refused",
                        quote, "sign in with a work or school account", .generic))
            }
            return causes
        }
        let isMailbox =
            call.segments.count > 2 && call.segments[0] == "users"
            && ["messages", "mailfolders", "calendar", "events", "contacts", "inferenceclassification"].contains(
                call.segments[2])
        if body?.code == "ErrorAccessDenied", call.kind == .delegated, isMailbox {
            return [
                cause(
                    .licenseOrUserPrivilege, "the signed-in user has no access to another user's mailbox", quote,
                    "have the mailbox shared with the user (and use the .Shared permission),"
                        + " or call it with an app-only token",
                    .generic)
            ]
        }
        guard call.holdsPermission != false else { return [] }
        let adminRole = cause(
            .missingAdminRole,
            "this operation also needs a Microsoft Entra role (for example User Administrator or Privileged"
                + " Authentication Administrator for another user's password or an administrator's account, an Intune"
                + " or reports role for those APIs)",
            quote, "assign the signed-in user (or the app's service principal) the directory role the operation needs",
            .generic)
        if call.holdsPermission == nil {
            let missing = missingPermission(
                call, evidence: quote + "; the token's permissions are not known", strength: .generic)
            return needsAdminRole(call) ? [adminRole, missing] : [missing]
        }
        if needsAdminRole(call) { return [adminRole] }
        if call.kind == .application {
            return [
                cause(
                    .missingAppRole,
                    "the app holds a permission Microsoft documents for this call, yet was refused: it likely needs"
                        + " another one as well (for example User.Read.All to read the users a request refers to)",
                    quote, "check the API reference for further permissions and grant them", .generic)
            ]
        }
        return [
            cause(
                .licenseOrUserPrivilege, "the token carries what the call needs, yet the service refused it", quote,
                "check the signed-in user's own rights on the data (membership, ownership, sharing) and licences",
                .generic)
        ]
    }

    /// Operations that Microsoft Graph also checks against directory roles: writing users, group settings, roles,
    /// Intune, usage reports and the Security API.
    package static func needsAdminRole(_ call: Call) -> Bool {
        let first = call.segments.first ?? ""
        if first == "users", call.segments.count == 2, call.method == "PATCH" || call.method == "DELETE" { return true }
        if first == "users", call.segments.count == 3, call.method == "POST",
            ["changepassword", "revokesigninsessions", "invalidateallrefreshtokens"].contains(call.segments[2])
        {
            return true
        }
        if ["groupsettings", "directoryroles", "rolemanagement"].contains(first) { return true }
        // These check the signed-in user's roles; an app-only token needs none.
        return call.kind == .delegated && ["devicemanagement", "reports", "security"].contains(first)
    }
}
