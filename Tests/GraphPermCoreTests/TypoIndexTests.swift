import Testing
import GraphPermCore

/// "Did you mean" for paths: templates of the same length within two edits of the request.
@Suite struct TypoIndexTests {
    static let index = TypoIndex(keys: [
        ("/me/messages", ["me", "messages"]), ("/me/events", ["me", "events"]), ("/users/{id}", ["users", "{id}"]),
        ("/me/mailfolders", ["me", "mailfolders"]), ("/groups/{id}/members", ["groups", "{id}", "members"]),
    ])

    @Test(arguments: [
        (["me", "mesages"], ["/me/messages"]),
        (["me", "evnets"], ["/me/events"]),
        (["usres", "abc"], ["/users/{id}"]),
        // One swap in each of two literal segments: two edits; the parameter segment fits anything.
        (["gropus", "g1", "membres"], ["/groups/{id}/members"]),
        (["gropus", "g1", "mmbrs"], []),
        (["me", "messages"], []),
        (["me"], []),
        (["me", "xyzxyzxyz"], []),
    ])
    func nearest(segments: [String], expected: [String]) {
        #expect(TypoIndex.nearest(segments, in: Self.index, limit: 3) == expected)
    }

    @Test func fewestEditsFirstThenTheIndexOrderAndTheLimit() {
        let index = TypoIndex(keys: [("/xyz", ["xyz"]), ("/ab", ["ab"]), ("/ax", ["ax"])])
        #expect(TypoIndex.nearest(["ay"], in: index, limit: 3) == ["/ab", "/ax", "/xyz"])
        #expect(TypoIndex.nearest(["ay"], in: index, limit: 1) == ["/ab"])
        #expect(TypoIndex.nearest(["ay"], in: index, limit: 3, maxEdits: 1) == ["/ab", "/ax"])
    }
}
