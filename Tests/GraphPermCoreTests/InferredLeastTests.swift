import Testing
import GraphPermCore

/// Least privilege from permission names alone: the resources a URL names, and the ranking of names.
@Suite struct InferredLeastTests {
    @Test(arguments: [
        ("/me/messages", ["mail", "messages", "message", "user", "me"]),
        ("/users/{id}/events", ["calendars", "events", "event", "user", "users"]),
        ("/groups/{id}/members/$ref", ["groupmember", "group", "members", "member", "groups"]),
        ("/security/alerts_v2", ["security"]),
        ("/", []),
    ])
    func resourcesMostSpecificSegmentFirst(url: String, expected: [String]) {
        #expect(InferredLeast.resources(for: RequestPath(url)) == expected)
    }

    @Test func ranksByOperationThenConstraintThenName() {
        let names = ["Mail.ReadWrite", "Mail.Read.All", "Mail.Read", "Mail.ReadBasic.All", "Mail.Send",
                     "Mail.Read.Shared"]
        #expect(InferredLeast.rank(names, method: "GET")
            == ["Mail.ReadBasic.All", "Mail.Read", "Mail.Read.Shared", "Mail.Read.All", "Mail.ReadWrite"])
        #expect(InferredLeast.rank(names, method: "POST") == ["Mail.Send", "Mail.ReadWrite"])
        #expect(InferredLeast.rank(names, method: "DELETE") == ["Mail.ReadWrite"])
    }

    @Test func precedesBreaksTiesInKibaliOrder() {
        #expect(InferredLeast.precedes("a.Read", "B.Read"))
        #expect(!InferredLeast.precedes("B.Read", "a.Read"))
        #expect(InferredLeast.precedes("Z.Read", "A.ReadWrite"))
    }
}
