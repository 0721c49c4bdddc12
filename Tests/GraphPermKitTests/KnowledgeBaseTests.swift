import Testing
import GraphPermCore
import GraphPermKit

/// The front door's reads: matchers, grants and claim sets of the mini knowledge base.
@Suite struct KnowledgeBaseTests {
    let kb = MiniKnowledgeBase.shared

    @Test func aRequestMatcherFindsWhatTheFullMatcherFinds() throws {
        for url in ["/me/messages", "/users/abc/messages", "/users('a')/messages", "/me/messages/m1", "/nowhere"] {
            let request = RequestPath(url)
            #expect(try kb.matcher(for: request).match(request)?.templates
                == kb.matcher().match(request)?.templates, "\(url)")
        }
        #expect(try kb.matcher().match(RequestPath("/users/x/messages"))?.templates == ["/users/{id}/messages"])
    }

    @Test func grantsOfATemplateInClaimOrder() throws {
        let ids = try kb.resolve(method: "GET", target: "/me/messages").ids
        let grants = try kb.grants(templateIDs: ids).filter { $0.scheme == .delegatedWork }
        #expect(grants.map { "\($0.permission) \($0.method) \($0.isLeast)" }.sorted()
            == ["Mail.Read GET true", "Mail.ReadWrite DELETE true", "Mail.ReadWrite GET false",
                "Mail.ReadWrite POST true"])
        // Mail.Read comes first in Microsoft's claim order (permission names in Kibali's order).
        #expect(grants.first?.permission == "Mail.Read")
        #expect(Set(grants.map(\.template)) == ["/me/messages"])
        // Read once, then kept: the same claims either way.
        let first = try kb.claimSet(templateIDs: ids)
        let again = try kb.claimSet(templateIDs: ids)
        #expect(first.methods == ["DELETE", "GET", "POST"] && again.methods == first.methods)
        #expect(first.claims(method: "GET", scheme: .delegatedWork).map(\.permission)
            == ["Mail.Read", "Mail.ReadWrite"])
    }

    @Test func theLocationIsTheFile() {
        #expect(kb.location == MiniKnowledgeBase.path)
        #expect(KnowledgeBase.schemaVersion > 0)
    }

    @Test func openingSomethingElseSaysWhatItIs() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.path + "/none.sqlite"
        #expect(throws: KnowledgeBaseError.missing(path: missing)) { try KnowledgeBase.open(path: missing) }
        let text = folder.file("kb.sqlite", "not a database")
        let error = #expect(throws: KnowledgeBaseError.self) { try KnowledgeBase.open(path: text) }
        guard case .notADatabase(let path, _)? = error else {
            Issue.record("expected notADatabase, got \(String(describing: error))")
            return
        }
        #expect(path == text && error?.exitCode == 65)
    }
}
