import GraphPermPlatform
import GraphPermJSON

/// What a token's own claims say about whether it can be used at all, before any permission: expiry, a start
/// time in the future, time claims that are not times, and the audience. Pure: no knowledge base.
///
///     TokenValidity.causes(
///         TokenClaims(payload: JSONObject([("aud", .string("https://graph.microsoft.com"))])), at: Date())
///     // [] (nothing wrong with the token itself)
package enum TokenValidity {
    package static func causes(_ claims: TokenClaims, at now: Date) -> [Cause] {
        var causes: [Cause] = []
        if let expires = claims.expires, expires <= now {
            causes.append(Cause(
                code: .expiredOrInvalidToken, message: "the token expired at \(expires.iso8601)",
                evidence: "exp = \(TokenTime.seconds(expires)) is before \(now.iso8601)",
                fix: "acquire a new access token (MSAL refreshes it for you when you call AcquireTokenSilent"
                    + " before each request)"))
        }
        for key in claims.unreadableTimes {
            causes.append(Cause(
                code: .expiredOrInvalidToken, message: "the token's \(key) claim is not a time",
                evidence: "\(key) is not a number of seconds since 1970 between the years 1 and 9999",
                fix: "acquire a new access token from Microsoft Entra ID; this one was not issued by it as it is"))
        }
        if let notBefore = claims.notBefore, notBefore > now.addingTimeInterval(300) {
            causes.append(Cause(
                code: .expiredOrInvalidToken,
                message: "the token is not valid before \(notBefore.iso8601)",
                evidence: "nbf = \(TokenTime.seconds(notBefore)) is after \(now.iso8601)",
                fix: "check the clock of the machine that requested the token and request a new one"))
        }
        if claims.audiences.isEmpty, claims.isPartial {
            // Claims known from a report: a missing audience is unknown, not absent.
        } else if claims.audiences.isEmpty {
            causes.append(Cause(
                code: .expiredOrInvalidToken, message: "the token has no audience (aud) claim",
                evidence: "no aud claim", fix: "send an access token for Microsoft Graph, not an ID token"))
        } else if !claims.audiences.contains(where: Audience.isGraph) {
            let audience = claims.audiences[0]
            causes.append(Cause(
                code: .wrongAudience,
                message: "the token was issued for \(Audience.describe(audience)), not Microsoft Graph",
                evidence: "aud = \(audience)",
                fix: "request the token for Microsoft Graph: scope https://graph.microsoft.com/.default"
                    + " (or https://graph.microsoft.com/User.Read ...), resource https://graph.microsoft.com"
                    + " in v1 flows"))
        }
        return causes
    }
}
