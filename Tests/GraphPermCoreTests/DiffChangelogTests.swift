import Testing
import GraphPermCore

/// A diff told as a changelog: sections per permission resource, most consequential first.
@Suite struct DiffChangelogTests {
    static func grant(_ permission: String, _ method: String, _ template: String, least: Bool = true,
                      scheme: Scheme = .delegatedWork) -> DiffFacts.GrantFact {
        DiffFacts.GrantFact(permission: permission, scheme: scheme, method: method, template: template, isLeast: least)
    }

    static let old = DiffFacts(
        permissions: ["Mail.Read", "Old.Gone"],
        schemes: [DiffFacts.SchemeFact(permission: "Mail.Read", scheme: .application, id: "a", privilegeLevel: 1)],
        grants: [grant("Mail.Read", "GET", "/me/messages"), grant("Old.Gone", "GET", "/old")])

    static let new = DiffFacts(
        permissions: ["Mail.Read", "Mail.ReadBasic"],
        schemes: [DiffFacts.SchemeFact(permission: "Mail.Read", scheme: .application, id: "b", privilegeLevel: 2)],
        grants: [
            grant("Mail.Read", "GET", "/me/messages", least: false), grant("Mail.ReadBasic", "GET", "/me/messages"),
            grant("Mail.ReadBasic", "GET", "/me/events"),
        ])

    @Test func sectionsPerResourceHeaviestFirstWithTheirLinesInKindOrder() {
        let changelog = DiffChangelog(PermissionDiff(old: Self.old, new: Self.new))
        // Old: removed permission 100 + operation 20 + grants 3; Mail: ID 50 + least 10 + level 5 + added 2 + 1 + 1.
        #expect(changelog.sections.map(\.resource) == ["Old", "Mail"])
        #expect(changelog.sections.map(\.weight) == [123, 69])
        #expect(changelog.sections[0].lines == [
            "Removed permission `Old.Gone`",
            "No longer documented: `GET /old`",
            "`Old.Gone` (DelegatedWork) no longer grants 1 call: `GET /old`",
        ])
        #expect(changelog.sections[1].lines == [
            "`Mail.Read` (Application) ID a → b",
            "Least privileged for `GET /me/messages` (DelegatedWork): Mail.Read → Mail.ReadBasic",
            "`Mail.Read` (Application) privilege level 1 → 2",
            "New permission `Mail.ReadBasic`",
            "Newly documented: `GET /me/events`",
            "`Mail.ReadBasic` (DelegatedWork) now grants 2 calls: `GET /me/events`, `GET /me/messages`",
        ])
        #expect(changelog.sections[1].counts.map(\.kind) == [
            "ID changed", "least privileged changed", "privilege level changed", "permission added",
            "operation added", "grants added",
        ])
        #expect(changelog.summary == "1 permissions removed, 1 permissions added, 1 IDs changed, 1 operations removed,"
            + " 1 operations added, 1 grants removed, 2 grants added, 1 least-privileged changes,"
            + " 1 privilege levels changed")
    }

    @Test func markdownHasATitleTheSummaryAndOneHeadingPerSection() {
        let changelog = DiffChangelog(PermissionDiff(old: Self.old, new: Self.new))
        let markdown = changelog.markdown(old: "2026-01", new: "2026-02")
        #expect(markdown.hasPrefix(
            "# Changes in Microsoft Graph permissions\n\nFrom 2026-01 to 2026-02: 1 permissions"))
        #expect(markdown.contains(
            "\n\n## Old\n\n- Removed permission `Old.Gone`\n- No longer documented: `GET /old`\n"))
        #expect(markdown.hasSuffix("- `Mail.ReadBasic` (DelegatedWork) now grants 2 calls: `GET /me/events`,"
            + " `GET /me/messages`\n"))
    }

    @Test func noChangesSaysSo() {
        let changelog = DiffChangelog(PermissionDiff(old: Self.old, new: Self.old))
        #expect(changelog.sections.isEmpty)
        #expect(changelog.markdown(old: "a", new: "b") == "# Changes in Microsoft Graph permissions\n\nFrom a to b: "
            + "0 permissions removed, 0 permissions added, 0 IDs changed, 0 operations removed, 0 operations added,"
            + " 0 grants removed, 0 grants added, 0 least-privileged changes, 0 privilege levels changed.\n"
            + "\nNo changes.\n")
    }

    @Test func aTierRaisedWeighsMostAndNamesBothSources() {
        var old = Self.old
        var new = Self.old
        old.tiers = [DiffFacts.TierFact(permission: "Mail.Read", scheme: .application, tier: 1, tierForUser: 1,
                                        source: "content-read")]
        new.tiers = [DiffFacts.TierFact(permission: "Mail.Read", scheme: .application, tier: 0, tierForUser: 0,
                                        source: "Mail.Read")]
        let changelog = DiffChangelog(PermissionDiff(old: old, new: new))
        #expect(changelog.sections.map(\.resource) == ["Mail"] && changelog.sections[0].weight == 150)
        #expect(changelog.sections[0].lines == [
            "`Mail.Read` (Application) tier raised T1 → T0 (rule content-read → its explicit entry)"
        ])
        #expect(changelog.summary.hasSuffix(", 1 tiers raised toward Tier 0, 0 tiers lowered"))
        // The way back is lowered, and weighs 6.
        let back = DiffChangelog(PermissionDiff(old: new, new: old))
        #expect(back.sections[0].weight == 6)
        #expect(back.sections[0].lines == [
            "`Mail.Read` (Application) tier lowered T0 → T1 (its explicit entry → rule content-read)"
        ])
    }

    @Test func longGrantListsStopAfterEightExamples() {
        let templates = (0..<10).map { "/t\($0)" }
        let new = DiffFacts(permissions: ["A.Read"], grants: templates.map { Self.grant("A.Read", "GET", $0) })
        let changelog = DiffChangelog(PermissionDiff(old: DiffFacts(permissions: ["A.Read"]), new: new))
        let line = changelog.sections[0].lines.last ?? ""
        #expect(line.hasPrefix("`A.Read` (DelegatedWork) now grants 10 calls: `GET /t0`, `GET /t1`,"))
        #expect(line.hasSuffix("`GET /t7` and 2 more"))
    }

    @Test func backticksInNamesCannotBreakTheCodeSpan() {
        let changelog = DiffChangelog(PermissionDiff(old: DiffFacts(), new: DiffFacts(permissions: ["A`b.Read"])))
        #expect(changelog.sections[0].lines == ["New permission `A'b.Read`"])
    }
}
