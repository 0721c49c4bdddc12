import Testing
import GraphPermJSON
import GraphPermCore

/// The diagnosis as JSON and as prose, and when its first causes are equally likely.
@Suite struct DiagnosisTests {
    static func claims(_ json: String) -> TokenClaims {
        guard case .object(let payload)? = try? JSONParser.parse(Array(json.utf8)) else {
            return TokenClaims(payload: JSONObject([]))
        }
        return TokenClaims(payload: payload)
    }

    static func cause(_ code: Cause.Code, _ strength: Cause.Strength) -> Cause {
        Cause(code: code, message: "m-\(code.rawValue)", evidence: "e", fix: "f-\(code.rawValue)", strength: strength)
    }

    static func diagnosis(_ verdict: Diagnosis.Verdict, _ causes: [Cause], limits: [String] = []) -> Diagnosis {
        Diagnosis(
            method: "GET", url: "/me/messages?$top=1", template: "/me/messages",
            claims: claims(#"{"aud": "https://graph.microsoft.com", "scp": "User.Read", "exp": 0}"#),
            roleNames: ["Global Reader"], verdict: verdict, causes: causes, limits: limits)
    }

    @Test func jsonHasItsMembersInAFixedOrder() {
        let diagnosis = Self.diagnosis(.denied, [Self.cause(.missingScope, .token)], limits: ["licences"])
        #expect(diagnosis.json == #"{"request":{"method":"GET","url":"/me/messages?$top=1"},"#
            + #""template":"/me/messages","token":{"kind":"delegated","audience":"https://graph.microsoft.com","#
            + #""expires":"1970-01-01T00:00:00Z","permissions":["User.Read"],"roles":["Global Reader"]},"#
            + #""verdict":"denied","causes":[{"code":"missing_scope","message":"m-missing_scope","evidence":"e","#
            + #""fix":"f-missing_scope","strength":"token"}],"equallyLikely":[],"limits":["licences"]}"#)
    }

    @Test func inferencesOfEqualStrengthTieButTokenFactsNever() {
        let tied = Self.diagnosis(.unknown, [
            Self.cause(.missingAdminRole, .generic), Self.cause(.missingScope, .generic),
            Self.cause(.missingScope, .generic), Self.cause(.other, .token),
        ])
        #expect(tied.equallyLikely == [.missingAdminRole, .missingScope])
        let facts = Self.diagnosis(.denied, [Self.cause(.missingScope, .token), Self.cause(.wrongAudience, .token)])
        #expect(facts.equallyLikely.isEmpty)
        let alone = Self.diagnosis(.unknown, [Self.cause(.wrongAudience, .specificError), Self.cause(.other, .generic)])
        #expect(alone.equallyLikely.isEmpty)
        #expect(Self.diagnosis(.allowed, []).equallyLikely.isEmpty)
    }

    @Test func proseGivesTheFixFirstThenWhyAndEvidence() {
        let diagnosis = Self.diagnosis(
            .unknown, [Self.cause(.missingAdminRole, .generic), Self.cause(.missingScope, .generic)],
            limits: ["licences", "the user's own rights"])
        #expect(diagnosis.text == """
            The token looks sufficient for GET /me/messages; the cause is outside it.

            Equally likely from these inputs: missing_admin_role, missing_scope (the first 2 below).

            1. Fix: f-missing_admin_role
               Why: m-missing_admin_role [missing_admin_role]
               Evidence: e

            2. Fix: f-missing_scope
               Why: m-missing_scope [missing_scope]
               Evidence: e

            Not known from these inputs: licences; the user's own rights.

            """)
        #expect(diagnosis.proseForm == diagnosis.text)
    }

    @Test func theVerdictLineNamesTheTemplateOrTheURL() {
        #expect(Self.diagnosis(.allowed, []).text == "Nothing in the token forbids GET /me/messages.\n")
        #expect(Self.diagnosis(.denied, []).text.hasPrefix("GET /me/messages is denied by what the token says."))
        let unmatched = Diagnosis(method: "POST", url: "/nowhere", template: nil, claims: Self.claims("{}"),
                                  roleNames: [], verdict: .allowed, causes: [], limits: [])
        #expect(unmatched.text == "Nothing in the token forbids POST /nowhere.\n")
        #expect(unmatched.json.contains(#""template":null,"token":{"kind":"unknown","audience":null,"expires":null"#))
    }

    @Test func strengthsOrderAndNames() {
        #expect(Cause.Strength.generic < .specificError && Cause.Strength.specificError < .token)
        #expect([Cause.Strength.token, .specificError, .generic].map(\.name)
            == ["token", "specific error", "generic error"])
    }
}
