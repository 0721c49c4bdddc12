import Testing
import GraphPermCore

/// What a diff means for an app's calls, as JSON and as the changelog's Markdown section.
@Suite struct CallImpactTests {
    static let changed = CallImpact(
        method: "GET", url: "/me/messages", kind: .changed,
        schemes: [
            CallImpact.SchemeChange(scheme: .delegatedWork, leastBefore: ["Mail.Read"], leastAfter: ["Mail.ReadBasic"],
                                    recommendedBefore: "Mail.Read", recommendedAfter: "Mail.ReadBasic"),
            CallImpact.SchemeChange(scheme: .application, leastBefore: nil, leastAfter: ["Mail.Read", "Mail.X"],
                                    recommendedBefore: nil, recommendedAfter: nil),
        ])
    static let gone = CallImpact(method: "DELETE", url: "/me/messages/m1", kind: .undocumented, schemes: [])

    @Test func jsonSplitsChangedFromUndocumented() {
        #expect(CallImpact.json([Self.gone, Self.changed]) == #"{"changed":[{"method":"GET","url":"/me/messages","#
            + #""schemes":[{"scheme":"DelegatedWork","leastBefore":["Mail.Read"],"leastAfter":["Mail.ReadBasic"],"#
            + #""recommendedBefore":"Mail.Read","recommendedAfter":"Mail.ReadBasic"},{"scheme":"Application","#
            + #""leastBefore":null,"leastAfter":["Mail.Read","Mail.X"],"recommendedBefore":null,"#
            + #""recommendedAfter":null}]}],"#
            + #""undocumented":[{"method":"DELETE","url":"/me/messages/m1","schemes":[]}]}"#)
        #expect(CallImpact.json([]) == #"{"changed":[],"undocumented":[]}"#)
    }

    @Test func markdownNamesEachCallAndWhatChanged() {
        #expect(CallImpact.markdown([Self.changed, Self.gone]) == """

            ## Your calls

            - `GET /me/messages` needs a different permission: DelegatedWork Mail.Read → Mail.ReadBasic \
            (recommended Mail.Read → Mail.ReadBasic); Application not supported → Mail.Read, Mail.X
            - `DELETE /me/messages/m1` is no longer documented

            """)
        #expect(CallImpact.markdown([]) == "\n## Your calls\n\nNone of your calls is affected.\n")
    }
}
