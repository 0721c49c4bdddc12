import Testing
import GraphPermCore

/// The set cover of `graphperm need` for one scheme, and the reasons it gives call by call.
@Suite struct NeedAnalysisTests {
    static func answer(
        _ method: String, _ url: String, least: [Requirement], higher: [Requirement] = [],
        recommended: Requirement? = nil, scheme: Scheme = .delegatedWork
    ) -> (call: AppCalls.Call, answer: LeastAnswer) {
        let schemeAnswer = LeastAnswer.SchemeAnswer(least: least, higher: higher, recommended: recommended ?? least[0])
        let schemes = Scheme.allCases.map { ($0, $0 == scheme ? schemeAnswer : nil) }
        return (
            AppCalls.Call(method: method, url: url),
            LeastAnswer(method: method, url: url, template: url, schemes: schemes, basis: .documented, notes: [])
        )
    }

    static let mail = [
        answer("GET", "/me/messages", least: [Requirement("Mail.ReadBasic")],
               higher: [Requirement("Mail.Read"), Requirement("Mail.ReadWrite")]),
        answer("POST", "/me/messages", least: [Requirement("Mail.ReadWrite")]),
        answer("GET", "/me", least: [Requirement("User.Read")], higher: [Requirement("User.ReadWrite")]),
    ]

    @Test func theFewestPermissionsThatAreLeastForSomeCall() {
        let result = NeedPlanner(scheme: .delegatedWork, answered: Self.mail).plan()
        // Mail.ReadWrite is least for POST and also grants GET: two permissions, not three.
        #expect(result.permissions == ["User.Read", "Mail.ReadWrite"])
        #expect(result.isProvenMinimal)
        #expect(result.calls.map { $0.grantedBy ?? "-" } == ["Mail.ReadWrite", "Mail.ReadWrite", "User.Read"])
        #expect(result.calls.map(\.reason) == [
            "also grants this call; chosen as least privileged for POST /me/messages",
            "the recommended permission for this call",
            "the recommended permission for this call",
        ])
        #expect(result.calls[0].least == "Mail.ReadBasic" && result.calls[0].recommended == "Mail.ReadBasic")
        #expect(result.calls.allSatisfy { $0.basis == "documented" && $0.alsoRequires.isEmpty })
        #expect(result.unsupported.isEmpty && result.partners.isEmpty)
    }

    @Test func aHigherPermissionLeastForNoCallNeverEnters() {
        // Mail.Read grants both calls, but it is least or recommended for neither.
        let answered = [
            Self.answer("GET", "/a", least: [Requirement("Mail.ReadBasic")], higher: [Requirement("Mail.Read")]),
            Self.answer("GET", "/b", least: [Requirement("Calendars.Read")], higher: [Requirement("Mail.Read")]),
        ]
        let result = NeedPlanner(scheme: .delegatedWork, answered: answered).plan()
        #expect(Set(result.permissions) == ["Mail.ReadBasic", "Calendars.Read"])
        #expect(!result.permissions.contains("Mail.Read"))
    }

    @Test func aLeastPermissionThatIsNotTheRecommendationSaysSo() {
        let answered = [
            Self.answer("GET", "/a", least: [Requirement("A.Read.All"), Requirement("A.Read")],
                        recommended: Requirement("A.Read.All")),
            Self.answer("GET", "/b", least: [Requirement("A.Read")]),
        ]
        let result = NeedPlanner(scheme: .delegatedWork, answered: answered).plan()
        #expect(result.permissions == ["A.Read"])
        #expect(result.calls[0].reason == "marked least privileged for this call by Microsoft")
    }

    @Test func aPartnerJoinsTheSetAndOtherSchemesAreUnsupported() {
        let answered = [
            Self.answer("PATCH", "/users/{id}", least: [Requirement("User.EnableDisableAccount.All",
                                                                      alsoRequires: "User.Read.All")],
                        scheme: .application),
            Self.answer("GET", "/me", least: [Requirement("User.Read")]),
        ]
        let result = NeedPlanner(scheme: .application, answered: answered).plan()
        #expect(result.permissions == ["User.EnableDisableAccount.All", "User.Read.All"])
        #expect(result.partners.map { "\($0.permission)<-\($0.requiredBy)" }
            == ["User.Read.All<-User.EnableDisableAccount.All"])
        #expect(result.calls.map(\.alsoRequires) == [["User.Read.All"]])
        #expect(result.unsupported == [AppCalls.Call(method: "GET", url: "/me")])
        #expect(result.scheme == .application)
    }

    @Test func nothingToCoverIsAnEmptyProvenSet() {
        let result = NeedPlanner(scheme: .delegatedPersonal, answered: Self.mail).plan()
        #expect(result.permissions.isEmpty && result.calls.isEmpty && result.unsupported.count == 3)
    }

    @Test(arguments: [
        ("Mail.ReadBasic", 0), ("Mail.Read", 10), ("Mail.ReadWrite", 60), ("Mail.Read.All", 3_010),
        ("Sites.Selected", 50), ("Sites.Read.Selected", 1_010), ("offline_access", 50),
    ])
    func privilegeCostPutsReachBeforeOperation(permission: String, cost: Int) {
        #expect(NeedAnalysis.cost(permission) == cost)
    }
}
