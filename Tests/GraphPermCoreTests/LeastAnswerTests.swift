import Testing
import GraphPermCore

/// The answer per scheme built from a template's claims, and the answers derived from it.
@Suite struct LeastAnswerTests {
    static func grants(
        _ permission: String, _ scheme: Scheme, least: Bool, order: Int, methods: [String] = ["GET"],
        source: GrantSource = .document
    ) -> [Grant] {
        methods.map {
            Grant(permission: permission, scheme: scheme, method: $0, template: "/me/messages", isLeast: least,
                  claimOrder: order, source: source)
        }
    }

    /// `GET /me/messages` as Microsoft documents it: Mail.ReadBasic least for both delegated schemes and
    /// Application, Mail.Read and Mail.ReadWrite higher.
    static let meMessages = ClaimSet(
        grants: Scheme.allCases.flatMap { scheme in
            grants("Mail.ReadBasic", scheme, least: true, order: 1)
                + grants("Mail.Read", scheme, least: false, order: 2)
                + grants("Mail.ReadWrite", scheme, least: false, order: 3, methods: ["GET", "POST"])
        })

    @Test func everySchemeHasItsLeastAndHigherInMicrosoftsOrder() {
        let answer = LeastAnswer.from(method: "GET", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages)
        #expect(answer.schemes.map(\.scheme) == [.delegatedWork, .delegatedPersonal, .application])
        #expect(answer[.delegatedWork]?.least == ["Mail.ReadBasic"])
        #expect(answer[.delegatedWork]?.higher == ["Mail.Read", "Mail.ReadWrite"])
        #expect(answer[.delegatedWork]?.recommended == "Mail.ReadBasic")
        #expect(answer.basis == .documented)
        #expect(answer.notes.isEmpty)
    }

    @Test func aMethodNoGrantAllowsIsNotSupportedInAnyScheme() {
        let answer = LeastAnswer.from(method: "DELETE", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages)
        #expect(answer.schemes.allSatisfy { $0.answer == nil })
        #expect(answer[.application] == nil)
    }

    @Test func onlyKeepsTheAskedSchemes() {
        let answer = LeastAnswer.from(method: "GET", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages, only: [.application])
        #expect(answer.schemes.map(\.scheme) == [.application])
        #expect(answer[.delegatedWork] == nil)
    }

    @Test func aSignedInUserPathRefusesApplicationWithANote() {
        let answer = LeastAnswer.from(method: "GET", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages, signedInUserOnly: true)
        #expect(answer[.application] == nil)
        #expect(answer[.delegatedWork]?.least == ["Mail.ReadBasic"])
        #expect(answer.notes == [
            "Application: /me needs a signed-in user, which an app-only token has not: call /users/{id} instead"
        ])
    }

    @Test func noLeastMarkerIsInferredFromTheNamesAndSaysSo() {
        let claims = ClaimSet(grants: Self.grants("Mail.ReadWrite", .delegatedWork, least: false, order: 1)
            + Self.grants("Mail.Read", .delegatedWork, least: false, order: 2))
        let answer = LeastAnswer.from(method: "GET", url: "/x", template: "/x", claims: claims)
        // Read ranks below ReadWrite by operation.
        #expect(answer[.delegatedWork]?.least == ["Mail.Read"])
        #expect(answer.notes.first == "DelegatedWork: Microsoft's data marks no permission least privileged for "
            + "this call; Mail.Read is inferred from the permission names")
    }

    @Test func grantsOnlyFromTheSecurityTableRestOnIt() {
        let claims = ClaimSet(grants: Self.grants("SecurityEvents.Read.All", .application, least: true, order: 1,
                                                  source: .securityTable))
        let answer = LeastAnswer.from(method: "GET", url: "/security/alerts", template: nil, claims: claims)
        #expect(answer.basis == .securityTable)
        #expect(answer[.application]?.least == ["SecurityEvents.Read.All"])
        #expect(answer[.application]?.why == "the only permission that grants this call")
    }

    @Test func withURLKeepsTheAnswerAndNotesGoFirst() {
        let answer = LeastAnswer.from(method: "GET", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages, signedInUserOnly: true)
        let other = answer.with(url: "/v1.0/me/messages?$top=1")
        #expect(other.url == "/v1.0/me/messages?$top=1")
        #expect(other[.delegatedWork] == answer[.delegatedWork] && other.notes == answer.notes)
        #expect(other != answer)
        let noted = answer.with(url: "/ME/messages", notes: ["read as /me/messages"])
        #expect(noted.notes.first == "read as /me/messages" && noted.notes.count == 2)
    }

    @Test func tiersFollowLeastThenHigherAndAPairTakesItsWorseMember() {
        let claims = ClaimSet(grants: [
            Grant(permission: "User.EnableDisableAccount.All", scheme: .application, method: "PATCH", template: "/u",
                  isLeast: true, alsoRequires: ["User.Read.All"], claimOrder: 1),
            Grant(permission: "Directory.ReadWrite.All", scheme: .application, method: "PATCH", template: "/u",
                  isLeast: false, claimOrder: 2),
        ])
        let answer = LeastAnswer.from(method: "PATCH", url: "/u", template: "/u", claims: claims, only: [.application])
        let marks: [String: TierMark] = [
            "User.EnableDisableAccount.All": TierMark(tier: 1, tierForUser: 1),
            "User.Read.All": TierMark(tier: 2, tierForUser: 2),
        ]
        let tiered = answer.withTiers { name, _ in marks[name] }
        #expect(tiered[.application]?.least == ["User.EnableDisableAccount.All and User.Read.All"])
        // The pair is T1 (its worse member); Directory.ReadWrite.All has no mark.
        #expect(tiered[.application]?.tiers == [TierMark(tier: 1, tierForUser: 1), nil])
        // Already tiered: unchanged, the lookup is not asked again.
        let again = tiered.withTiers { _, _ in TierMark(tier: 0, tierForUser: 0) }
        #expect(again[.application]?.tiers == tiered[.application]?.tiers)
    }

    @Test func inferredRenamesDropsAndMarksTheBasis() {
        let answer = LeastAnswer.from(method: "GET", url: "/me/messages", template: "/me/messages",
                                      claims: Self.meMessages)
        let inferred = answer.inferred(method: "GET", url: "/me/events", note: "like /me/messages") { name, scheme in
            if scheme == .application { return nil }
            return name.replacingOccurrences(of: "Mail", with: "Calendars")
        }
        #expect(inferred.basis == .inferred && inferred.template == nil && inferred.url == "/me/events")
        #expect(inferred[.delegatedWork]?.least == ["Calendars.ReadBasic"])
        #expect(inferred[.delegatedWork]?.higher == ["Calendars.Read", "Calendars.ReadWrite"])
        #expect(inferred[.delegatedWork]?.why == "inferred: like /me/messages")
        #expect(inferred[.application] == nil)
        #expect(inferred.notes == ["like /me/messages"])
    }
}
