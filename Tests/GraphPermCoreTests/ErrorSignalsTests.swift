import Testing
import GraphPermCore

/// What an error response and its status say about a refused call.
@Suite struct ErrorSignalsTests {
    static func call(
        _ kind: TokenClaims.Kind = .delegated, _ segments: [String] = ["me", "messages"], method: String = "GET",
        holds: Bool? = nil, personal: Bool? = nil
    ) -> ErrorSignals.Call {
        ErrorSignals.Call(
            kind: kind, segments: segments, method: method, holdsPermission: holds, supportsPersonalAccounts: personal)
    }

    static func body(_ code: String, _ message: String) -> ErrorBody {
        ErrorBody(text: #"{"error": {"code": "\#(code)", "message": "\#(message)"}}"#)
    }

    @Test(arguments: [
        ("InvalidAuthenticationToken", "Access token validation failure. Invalid audience.", Cause.Code.wrongAudience),
        ("ErrorAccessDenied", "Access to OData is disabled.", .ewsAccessPolicy),
        ("Forbidden", "Application is not allowed to perform operations on the user 'x'", .ewsAccessPolicy),
        ("InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.", .expiredOrInvalidToken),
        ("InvalidAuthenticationToken", "CompactToken parsing failed with error code: 80049217",
         .expiredOrInvalidToken),
        ("Authorization_RequestDenied", "AADSTS65001: The user or administrator has not consented",
         .consentNotGranted),
        ("Forbidden", "This request requires a premium license", .licenseOrUserPrivilege),
        ("UnknownError", "Failed to process backend request", .other),
        ("Forbidden", "Operation only valid in application-only context only for import", .wrongTokenType),
        ("InvalidAuthenticationToken", "Continuous access evaluation resulted in claims challenge",
         .conditionalAccess),
    ] as [(String, String, Cause.Code)])
    func specificMessagesNameTheirCause(code: String, message: String, expected: Cause.Code) {
        let causes = ErrorSignals.causes(Self.body(code, message), status: 403, call: Self.call())
        #expect(causes.map(\.code) == [expected])
        #expect(causes.first?.strength == .specificError)
        #expect(causes.first?.evidence.contains(message.prefix(20)) == true)
    }

    @Test func aMissingScopeMessageIsAScopeForDelegatedAndAnAppRoleForApplication() {
        let body = Self.body("Forbidden", "Caller must have one of the following scopes: Mail.Read")
        #expect(ErrorSignals.causes(body, status: 403, call: Self.call(.delegated)).map(\.code) == [.missingScope])
        #expect(ErrorSignals.causes(body, status: 403, call: Self.call(.application)).map(\.code) == [.missingAppRole])
    }

    @Test func anEmptyTokenSaysSoInItsEvidence() {
        let body = Self.body("Forbidden", "Either scp or roles claim need to be present in the token.")
        let causes = ErrorSignals.causes(body, status: 401, call: Self.call(.application))
        #expect(causes.map(\.code) == [.missingAppRole])
        #expect(causes[0].evidence.hasSuffix("(the token carries no permission: none was granted or consented)"))
    }

    @Test func authenticationErrorOnAWorkOnlyAPIIsAPersonalAccount() {
        let body = Self.body("AuthenticationError", "Error authenticating with resource")
        let workOnly = ErrorSignals.causes(body, status: 401, call: Self.call(personal: false))
        #expect(workOnly.map(\.code) == [.personalAccountUnsupported])
        // Unknown support: no specific cause, so the generic 401 reading applies.
        let unknown = ErrorSignals.causes(body, status: 401, call: Self.call(personal: nil))
        #expect(unknown.map(\.code) == [.expiredOrInvalidToken])
        #expect(unknown[0].strength == .generic)
    }

    @Test func aBare401IsABadTokenAndAlsoAPersonalAccountForWorkOnlyDelegatedCalls() {
        let delegated = ErrorSignals.causes(nil, status: 401, call: Self.call(.delegated, personal: false))
        #expect(delegated.map(\.code) == [.expiredOrInvalidToken, .personalAccountUnsupported])
        #expect(delegated[0].evidence == "HTTP 401 with no error body")
        let application = ErrorSignals.causes(nil, status: 401, call: Self.call(.application, personal: false))
        #expect(application.map(\.code) == [.expiredOrInvalidToken])
    }

    @Test func noStatusAndNoBodyQuotesAQuestionMark() {
        let causes = ErrorSignals.causes(nil, status: nil, call: Self.call(holds: nil))
        #expect(causes.map(\.code) == [.missingScope])
        #expect(causes[0].evidence == "HTTP ? with no error body; the token's permissions are not known")
    }

    @Test func aForbiddenInsideAnotherCodeIsARefusalNotABadToken() {
        let body = Self.body("UnknownError", "{\\\"Message\\\": \\\"Forbidden\\\"}")
        let causes = ErrorSignals.causes(body, status: 500, call: Self.call(.application, ["devicemanagement"]))
        #expect(!causes.map(\.code).contains(.expiredOrInvalidToken))
        #expect(causes.map(\.code) == [.missingAppRole])
    }

    @Test func anotherUsersMailboxRefusedToADelegatedTokenIsAUserPrivilege() {
        let body = Self.body("ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        let causes = ErrorSignals.causes(body, status: 403, call: Self.call(.delegated, ["users", "{id}", "messages"]))
        #expect(causes.map(\.code) == [.licenseOrUserPrivilege])
        // The same refusal of the user's own mailbox reads as a missing permission.
        let own = ErrorSignals.causes(body, status: 403, call: Self.call(.delegated, ["me", "messages"]))
        #expect(own.map(\.code) == [.missingScope])
    }

    @Test func aTokenWithoutThePermissionGivesNoGenericCause() {
        let body = Self.body("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        #expect(ErrorSignals.causes(body, status: 403, call: Self.call(holds: false)).isEmpty)
    }

    @Test func aHeldPermissionRefusedPointsAtAdminRoleTheOtherPermissionOrTheUser() {
        let body = Self.body("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
        let patchUser = Self.call(.delegated, ["users", "{id}"], method: "PATCH", holds: true)
        #expect(ErrorSignals.causes(body, status: 403, call: patchUser).map(\.code) == [.missingAdminRole])
        let appRead = Self.call(.application, ["groups"], holds: true)
        #expect(ErrorSignals.causes(body, status: 403, call: appRead).map(\.code) == [.missingAppRole])
        let userRead = Self.call(.delegated, ["groups"], holds: true)
        #expect(ErrorSignals.causes(body, status: 403, call: userRead).map(\.code) == [.licenseOrUserPrivilege])
        let unknown = Self.call(.delegated, ["directoryroles"], holds: nil)
        #expect(ErrorSignals.causes(body, status: 403, call: unknown).map(\.code) == [.missingAdminRole, .missingScope])
    }

    @Test(arguments: [
        (TokenClaims.Kind.delegated, ["users", "{id}"], "PATCH", true),
        (.delegated, ["users", "{id}"], "GET", false),
        (.application, ["users", "{id}"], "DELETE", true),
        (.delegated, ["users", "{id}", "changepassword"], "POST", true),
        (.delegated, ["users", "{id}", "changepassword"], "GET", false),
        (.application, ["rolemanagement", "directory"], "GET", true),
        (.delegated, ["reports", "x"], "GET", true),
        (.application, ["reports", "x"], "GET", false),
        (.delegated, [], "GET", false),
    ] as [(TokenClaims.Kind, [String], String, Bool)])
    func operationsCheckedAgainstDirectoryRoles(kind: TokenClaims.Kind, segments: [String], method: String,
                                                expected: Bool) {
        #expect(ErrorSignals.needsAdminRole(Self.call(kind, segments, method: method)) == expected)
    }
}
