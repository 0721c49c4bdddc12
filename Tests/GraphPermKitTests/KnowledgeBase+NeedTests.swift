import Testing
import GraphPermCore
import GraphPermKit

/// `need` over an app's calls against the mini knowledge base: the set per scheme, unknown calls, other hosts.
@Suite struct KnowledgeBaseNeedTests {
    let kb = MiniKnowledgeBase.shared

    @Test func oneWritePermissionCoversReadingAndSending() throws {
        let calls = try AppCalls.parse(
            "GET /me/messages\nPOST /me/messages\nGET https://example.com/api\nGET /nowhere\nGET /me/messages\n",
            file: "calls.txt")
        let analysis = try kb.need(calls, schemes: [.delegatedWork, .application])
        #expect(analysis.schemes.map(\.scheme) == [.delegatedWork, .application])
        let work = analysis.schemes[0]
        #expect(work.permissions == ["Mail.ReadWrite"] && work.isProvenMinimal)
        #expect(work.calls.map { "\($0.method) \($0.url) \($0.grantedBy ?? "-")" }
            == ["GET /me/messages Mail.ReadWrite", "POST /me/messages Mail.ReadWrite"])
        #expect(work.calls[0].reason == "also grants this call; chosen as least privileged for POST /me/messages")
        #expect(work.calls[0].least == "Mail.Read" && work.calls[0].template == "/me/messages")
        // /me needs a signed-in user: no application answer.
        #expect(analysis.schemes[1].permissions.isEmpty && analysis.schemes[1].unsupported.count == 2)
        #expect(analysis.unknown.map(\.call.url) == ["/nowhere"])
        #expect(analysis.unknown[0].reason.hasPrefix("Microsoft's permission data documents no permission for GET"))
        #expect(analysis.otherHosts.map(\.call.url) == ["https://example.com/api"])
        #expect(analysis.otherHosts[0].reason.hasPrefix("example.com is not Microsoft Graph"))
    }

    @Test func aPairBringsItsPartner() throws {
        let analysis = try kb.need(try AppCalls.parse("PATCH /users/u1\n", file: "calls.txt"),
                                   schemes: [.application])
        #expect(analysis.schemes[0].permissions == ["User.EnableDisableAccount.All", "User.Read.All"])
        #expect(analysis.schemes[0].partners.map(\.requiredBy) == ["User.EnableDisableAccount.All"])
    }
}
