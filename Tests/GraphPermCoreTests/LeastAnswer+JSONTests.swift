import Testing
import GraphPermCore

/// The least answer as JSON (fixed key order, `null` for an unsupported scheme) and as the docs table.
@Suite struct LeastAnswerJSONTests {
    static let pair = Requirement("User.EnableDisableAccount.All", alsoRequires: "User.Read.All")

    static func answer(tiers: [TierMark?] = [], recommended: Requirement? = nil) -> LeastAnswer {
        var work = LeastAnswer.SchemeAnswer(least: [Requirement("Mail.Read")], higher: [Requirement("Mail.ReadWrite")],
                                            recommended: recommended ?? Requirement("Mail.Read"),
                                            why: "the only one")
        work.tiers = tiers
        return LeastAnswer(
            method: "GET", url: "/me/messages?$top=\"1\"", template: "/me/messages",
            schemes: [(.delegatedWork, work), (.delegatedPersonal, nil)], basis: .documented, notes: ["a note"])
    }

    @Test func jsonHasItsMembersInAFixedOrder() {
        #expect(Self.answer().json == #"{"request":{"method":"GET","url":"/me/messages?$top=\"1\""},"#
            + #""template":"/me/messages","schemes":{"DelegatedWork":{"least":["Mail.Read"],"#
            + #""higher":["Mail.ReadWrite"],"recommended":"Mail.Read","why":"the only one"},"#
            + #""DelegatedPersonal":null},"basis":"documented","notes":["a note"]}"#)
    }

    @Test func tiersFollowEachPermissionNamed() {
        let json = Self.answer(tiers: [TierMark(tier: 1, tierForUser: 2), nil]).json
        #expect(json.contains(#""why":"the only one","tiers":{"Mail.Read":1,"Mail.ReadWrite":null}}"#))
    }

    @Test func aPairAddsItsStructuredRequirements() {
        let answer = LeastAnswer(
            method: "PATCH", url: "/users/x", template: nil,
            schemes: [(.application, LeastAnswer.SchemeAnswer(least: [Self.pair], higher: [Requirement("U.RW")],
                                                               recommended: Self.pair))],
            basis: .inferred, notes: [])
        #expect(answer.json == #"{"request":{"method":"PATCH","url":"/users/x"},"template":null,"#
            + #""schemes":{"Application":{"least":["User.EnableDisableAccount.All and User.Read.All"],"#
            + #""higher":["U.RW"],"recommended":"User.EnableDisableAccount.All and User.Read.All","why":null,"#
            + #""requirements":{"least":[{"permission":"User.EnableDisableAccount.All","#
            + #""alsoRequires":"User.Read.All"}],"#
            + #""higher":[{"permission":"U.RW","alsoRequires":null}],"#
            + #""recommended":{"permission":"User.EnableDisableAccount.All","alsoRequires":"User.Read.All"}}}},"#
            + #""basis":"inferred","notes":[]}"#)
    }

    @Test func theTableAddsRecommendedAndTierColumnsOnlyWhenNeeded() {
        let plain = Self.answer().tabular
        #expect(plain.columns == ["Permission type", "Least privileged permissions", "Higher privileged permissions"])
        #expect(plain.rows == [
            ["Delegated (work or school account)", "Mail.Read", "Mail.ReadWrite"],
            ["Delegated (personal Microsoft account)", "Not supported.", "Not supported."],
        ])
        let both = Self.answer(tiers: [TierMark(tier: 1, tierForUser: 2), nil],
                               recommended: Requirement("Mail.ReadBasic")).tabular
        #expect(both.columns.suffix(2) == ["Recommended", "Tier"])
        #expect(both.rows == [
            ["Delegated (work or school account)", "Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic", "T1/T2"],
            ["Delegated (personal Microsoft account)", "Not supported.", "Not supported.", "", ""],
        ])
    }

    @Test func markdownIsTheTableUnderAHeading() {
        #expect(Self.answer().markdownForm == """
            ### GET /me/messages

            |Permission type|Least privileged permissions|Higher privileged permissions|
            |:---|:---|:---|
            |Delegated (work or school account)|Mail.Read|Mail.ReadWrite|
            |Delegated (personal Microsoft account)|Not supported.|Not supported.|


            """)
    }

    @Test func nothingHigherIsNotAvailable() {
        let answer = LeastAnswer(
            method: "GET", url: "/a", template: "/a",
            schemes: [(.application, LeastAnswer.SchemeAnswer(least: [Requirement("A.Read")], higher: []))],
            basis: .securityTable, notes: [])
        #expect(answer.tabular.rows == [["Application", "A.Read", "Not available."]])
    }
}
