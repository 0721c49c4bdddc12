import Foundation
import Testing

@testable import GraphPermCore

/// `PermissionDiff` over small fact sets written here: each kind of change, the template identity, the skipped
/// malformed templates, the order of every list and the empty diff of facts with themselves.
struct PermissionDiffTests {
    typealias G = DiffFacts.GrantFact
    typealias S = DiffFacts.SchemeFact

    static let old = DiffFacts(
        permissions: ["Mail.Read", "Mail.ReadBasic", "Old.Read.All"],
        schemes: [
            S(permission: "Mail.Read", scheme: .application, id: "a1", privilegeLevel: 4),
            S(permission: "Mail.Read", scheme: .delegatedWork, id: nil, privilegeLevel: 3),
            S(permission: "Old.Read.All", scheme: .application, id: "o1", privilegeLevel: 2),
        ],
        grants: [
            G(permission: "Mail.Read", scheme: .delegatedWork, method: "GET", template: "/me/messages", isLeast: true),
            G(
                permission: "Mail.ReadBasic", scheme: .delegatedWork, method: "GET", template: "/me/messages",
                isLeast: false),
            G(
                permission: "Mail.Read", scheme: .application, method: "GET", template: "/users/{id}/messages",
                isLeast: true),
            G(permission: "Old.Read.All", scheme: .application, method: "GET", template: "/old", isLeast: true),
            G(permission: "Mail.Read", scheme: .application, method: "GET", template: "/chats/{id}}/x", isLeast: true),
        ])

    static let new = DiffFacts(
        permissions: ["Mail.Read", "Mail.ReadBasic", "New.Read.All"],
        schemes: [
            S(permission: "Mail.Read", scheme: .application, id: "a2", privilegeLevel: 3),
            S(permission: "Mail.Read", scheme: .delegatedWork, id: "d1", privilegeLevel: 3),
        ],
        grants: [
            G(permission: "Mail.Read", scheme: .delegatedWork, method: "GET", template: "/me/messages", isLeast: false),
            G(
                permission: "Mail.ReadBasic", scheme: .delegatedWork, method: "GET", template: "/me/Messages",
                isLeast: true),
            G(
                permission: "Mail.Read", scheme: .application, method: "GET", template: "/users/{user-id}/messages",
                isLeast: true),
            G(permission: "New.Read.All", scheme: .application, method: "GET", template: "/new", isLeast: false),
            G(permission: "Mail.Read", scheme: .application, method: "GET", template: "/chats/{id}}/y", isLeast: true),
        ])

    @Test func everyKindOfChange() {
        let diff = PermissionDiff(old: Self.old, new: Self.new)
        #expect(diff.permissionsAdded == ["New.Read.All"])
        #expect(diff.permissionsRemoved == ["Old.Read.All"])
        // Only where both sides have an ID: Mail.Read's DelegatedWork ID appears, which is no change of ID.
        #expect(diff.idsChanged == [.init(permission: "Mail.Read", scheme: .application, before: "a1", after: "a2")])
        #expect(diff.operationsAdded == [.init(method: "GET", template: "/new")])
        #expect(diff.operationsRemoved == [.init(method: "GET", template: "/old")])
        #expect(diff.grantsAdded.map(\.permission) == ["New.Read.All"])
        #expect(diff.grantsRemoved.map(\.permission) == ["Old.Read.All"])
        #expect(
            diff.leastChanged.map { [$0.template, $0.before.joined(), $0.after.joined()] }
                == [["/me/messages", "Mail.Read", "Mail.ReadBasic"]])
        #expect(
            diff.privilegeLevelsChanged == [
                .init(permission: "Mail.Read", scheme: .application, before: "4", after: "3")
            ])
        #expect(diff.tiersChanged == nil)
    }

    @Test func factsAgainstThemselvesAreEmpty() {
        #expect(PermissionDiff(old: Self.new, new: Self.new).isEmpty)
        #expect(
            PermissionDiff(old: Self.old, new: Self.old).json()
                == PermissionDiff(old: DiffFacts(), new: DiffFacts()).json())
    }

    @Test func emptyDiffJSONHasTheKeysInTheirOrder() {
        #expect(
            PermissionDiff(old: DiffFacts(), new: DiffFacts()).json()
                == #"{"permissions":{"added":[],"removed":[]},"ids":{"changed":[]},"#
                + #""operations":{"added":[],"removed":[]},"grants":{"added":[],"removed":[]},"#
                + #""least":{"changed":[]},"privilegeLevel":{"changed":[]}}"#
                + "\n")
    }

    @Test func tiersAreComparedOnlyWhenBothSidesHaveThem() {
        var old = Self.old
        var new = Self.old
        new.tiers = [
            .init(permission: "Mail.Read", scheme: .application, tier: 0, tierForUser: 0, source: "Mail.Read")
        ]
        #expect(PermissionDiff(old: old, new: new).tiersChanged == nil)
        old.tiers = [
            .init(permission: "Mail.Read", scheme: .application, tier: 1, tierForUser: 1, source: "content-read")
        ]
        let diff = PermissionDiff(old: old, new: new)
        #expect(diff.tiersChanged?.map(\.direction) == [.raised])
        #expect(
            diff.json().contains(
                #""tiers":{"changed":[{"permission":"Mail.Read","scheme":"Application","before":1,"after":0,"#
                    + #""beforeForUser":1,"afterForUser":0,"sourceBefore":"content-read","sourceAfter":"Mail.Read","#
                    + #""direction":"raised"}]}"#))
    }

    /// Only (permission, scheme) pairs on both sides compare; a tier for a user alone moving counts; the tier decides
    /// the direction before the tier for a user does.
    @Test func tierChangesAndTheirDirection() {
        func fact(_ name: String, _ scheme: Scheme, _ tier: Int, _ user: Int) -> DiffFacts.TierFact {
            .init(permission: name, scheme: scheme, tier: tier, tierForUser: user, source: "r")
        }
        let old = DiffFacts(tiers: [
            fact("A.Read", .delegatedWork, 1, 2), fact("B.Write", .application, 0, 0),
            fact("C.Gone", .application, 2, 2), fact("D.Same", .delegatedWork, 1, 2),
            fact("E.Mixed", .delegatedWork, 1, 1),
        ])
        let new = DiffFacts(tiers: [
            fact("A.Read", .delegatedWork, 1, 1), fact("B.Write", .application, 1, 1),
            fact("D.Same", .delegatedWork, 1, 2), fact("E.Mixed", .delegatedWork, 0, 2),
            fact("F.New", .application, 0, 0),
        ])
        let changes = PermissionDiff(old: old, new: new).tiersChanged ?? []
        #expect(changes.map(\.permission) == ["A.Read", "B.Write", "E.Mixed"])
        #expect(changes.map(\.direction) == [.raised, .lowered, .raised])
        let changelog = DiffChangelog(PermissionDiff(old: old, new: new))
        #expect(changelog.sections.map(\.resource) == ["A", "E", "B"])
        let markdown = changelog.markdown(old: "a", new: "b")
        #expect(markdown.contains("- `A.Read` (DelegatedWork) tier raised T1/T2 → T1\n"))
        #expect(markdown.contains("2 tiers raised toward Tier 0, 1 tiers lowered"))
    }

    @Test(arguments: [
        ("/users/{user-id}/Messages", "/users/{}/messages"),
        ("/me/drive/root:/{path}:/content", "/me/drive/root:/{}:/content"),
        ("/x?$filter=a eq '{v}'", "/x?$filter=a eq '{}'"), ("/a/", "/a/"),
    ])
    func templateKeys(template: String, key: String) {
        #expect(DiffTemplate.key(template) == key)
    }

    @Test(arguments: ["/chats/{id}}/x", "/a/{b", "/a/{{b}}", "/a/}"])
    func malformedTemplatesHaveNoKey(template: String) {
        #expect(DiffTemplate.key(template) == nil)
    }

    @Test func listsAreInOrdinalOrder() {
        let new = DiffFacts(permissions: ["b", "B", "a", "Z"])
        #expect(PermissionDiff(old: DiffFacts(), new: new).permissionsAdded == ["B", "Z", "a", "b"])
    }

    @Test func changelogPutsTheMostConsequentialFirst() {
        let changelog = DiffChangelog(PermissionDiff(old: Self.old, new: Self.new))
        #expect(changelog.sections.map(\.resource) == ["Old", "Mail", "New"])
        let markdown = changelog.markdown(old: "a", new: "b")
        #expect(markdown.contains("- Removed permission `Old.Read.All`\n"))
        #expect(
            markdown.contains("- Least privileged for `GET /me/messages` (DelegatedWork): Mail.Read → Mail.ReadBasic\n")
        )
        let atom = changelog.atom(id: "urn:x", old: "a", new: "b", updated: "2026-08-07T00:00:00Z")
        #expect(
            atom.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(atom.components(separatedBy: "<entry>").count == 4)
        #expect(DiffChangelog.escaped("a<b & \"c\"\u{1}") == "a&lt;b &amp; &quot;c&quot;\u{FFFD}")
    }
}
