import Testing
import GraphPermCore

/// The changelog as an Atom feed, escaped for XML.
@Suite struct DiffChangelogAtomTests {
    @Test func oneEntryPerSectionWithItsLinesAsText() {
        let old = DiffFacts(permissions: ["Mail.Read"])
        let new = DiffFacts(permissions: ["Mail.Read", "A<b>&\"c\u{1}"])
        let feed = DiffChangelog(PermissionDiff(old: old, new: new))
            .atom(id: "urn:x", old: "a & b", new: "c", updated: "2026-08-07T00:00:00Z")
        #expect(feed == """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>urn:x</id>
              <title>Changes in Microsoft Graph permissions</title>
              <subtitle>From a &amp; b to c: 0 permissions removed, 1 permissions added, 0 IDs changed, \
            0 operations removed, 0 operations added, 0 grants removed, 0 grants added, 0 least-privileged changes, \
            0 privilege levels changed.</subtitle>
              <updated>2026-08-07T00:00:00Z</updated>
              <author><name>graphperm</name></author>
              <generator>graphperm</generator>
              <entry>
                <id>urn:x/A&lt;b&gt;&amp;&quot;c\u{FFFD}</id>
                <title>A&lt;b&gt;&amp;&quot;c\u{FFFD}: 1 permission added</title>
                <updated>2026-08-07T00:00:00Z</updated>
                <content type="text">- New permission `A&lt;b&gt;&amp;&quot;c\u{FFFD}`</content>
              </entry>
            </feed>

            """)
    }

    @Test func noChangesIsAFeedWithoutEntries() {
        let feed = DiffChangelog(PermissionDiff(old: DiffFacts(), new: DiffFacts()))
            .atom(id: "i", old: "o", new: "n", updated: "u")
        #expect(!feed.contains("<entry>") && feed.hasSuffix("<generator>graphperm</generator>\n</feed>\n"))
    }
}
