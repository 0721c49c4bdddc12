import Testing
import GraphPermCore

/// Splitting and normalising path text, and the segment patterns the matcher compares.
@Suite struct PathSegmentsTests {
    @Test(arguments: [
        ("users", "users"),
        ("Users", "users"),
        ("{user-id}", "{}"),
        ("{id}}", "{}"),
        ("{id}:", "{}:"),
        ("filterByCurrentUser(on='{value}')", "filterbycurrentuser(on={})"),
        ("users('a b')", "users(ab)"),
        ("\"x\"\ty", "xy"),
        ("ÄBC", "Äbc"),
    ])
    func normalizeLowersAsciiDropsQuotesAndSpacesAndBlanksParameters(segment: String, expected: String) {
        #expect(PathSegments.normalize(segment) == expected)
    }

    @Test func templatesSplitBeforeTheQueryWithoutEmptySegments() {
        #expect(PathSegments.segments(ofTemplate: "/users/{id}/messages?$filter=a/b") == ["users", "{id}", "messages"])
        #expect(PathSegments.segments(ofTemplate: "//a//b/") == ["a", "b"])
        #expect(PathSegments.segments(ofTemplate: "?x").isEmpty)
    }

    @Test(arguments: [
        (["me", "drive", "root:", "a", "b.txt:", "content"], ["me", "drive", "root:", "a/b.txt:", "content"]),
        (["me", "drive", "root:", "a", "b.txt"], ["me", "drive", "root:", "a/b.txt"]),
        (["root:"], ["root:"]),
        ([":", "a", "b"], [":", "a", "b"]),
        (["users", "x"], ["users", "x"]),
    ])
    func driveItemPathsBecomeOneSegment(segments: [String], expected: [String]) {
        #expect(PathSegments.groupItemPaths(segments) == expected)
    }

    @Test func patternsFromNormalisedText() {
        #expect(SegmentPattern(normalized: "{}") == .parameter)
        #expect(SegmentPattern(normalized: "...") == .anySegments)
        #expect(SegmentPattern(normalized: "users") == .literal("users"))
        #expect(SegmentPattern(normalized: "{}:") == .glob(["", ":"]))
        #expect(SegmentPattern(normalized: "filterbycurrentuser(on={})") == .glob(["filterbycurrentuser(on=", ")"]))
        #expect(SegmentPattern(normalized: "{x") == .literal("{x"))
        #expect(SegmentPattern.glob(["filterbycurrentuser(on=", ")"]).fixedLength == 24)
        #expect(SegmentPattern.literal("users").fixedLength == 0)
    }

    @Test(arguments: [
        (["", ":"], "abc:", true),
        (["", ":"], ":", false),
        (["a(", ")"], "a(x)", true),
        (["a(", ")"], "a()", false),
        (["a(", ")"], "b(x)", false),
        (["x", "-", "y"], "x1-2y", true),
        (["x", "-", "y"], "x-2y", false),
        (["x", "-", "y"], "x1-y", false),
        (["only"], "only", true),
        (["only"], "other", false),
    ] as [([String], String, Bool)])
    func globsNeedEachParameterToStandForAtLeastOneCharacter(parts: [String], text: String, expected: Bool) {
        #expect(SegmentPattern.globMatches(parts, text) == expected)
    }

    @Test func globPartsSplitAroundEachParameter() {
        #expect(SegmentPattern.globParts("a{}b{}c") == ["a", "b", "c"])
        #expect(SegmentPattern.globParts("{}") == ["", ""])
        #expect(SegmentPattern.globParts("plain") == ["plain"])
    }
}
