import Testing
import GraphPermCore
import GraphPermKit

/// `need` rendered: the JSON document and the rows, from the mini knowledge base.
@Suite struct NeedAnalysisOutputTests {
    static let analysis: NeedAnalysis? = {
        let calls = try? AppCalls.parse(
            "GET /me/messages\nPOST /me/messages\nGET https://example.com/api\nGET /nowhere\n", file: "calls.txt")
        return try? MiniKnowledgeBase.shared.need(calls ?? [], schemes: [.delegatedWork, .application])
    }()

    @Test func rowsNameEachPermissionAndTheCallsItGrants() throws {
        let table = try #require(Self.analysis).tabular
        #expect(table.columns == ["scheme", "permission", "grants", "tier"])
        #expect(table.rows.map { Array($0.prefix(3)) } == [
            ["DelegatedWork", "Mail.ReadWrite", "GET /me/messages; POST /me/messages"],
            ["Application", "(not supported)", "GET /me/messages"],
            ["Application", "(not supported)", "POST /me/messages"],
            ["", "(unknown call)",
             "GET /nowhere: Microsoft's permission data documents no permission for GET /nowhere"],
            ["", "(not Microsoft Graph)", "GET https://example.com/api"],
        ])
    }

    @Test func jsonKeepsItsKeyOrder() throws {
        let json = try #require(Self.analysis).json
        #expect(json.hasPrefix(
            #"{"schemes":{"DelegatedWork":{"permissions":["Mail.ReadWrite"],"tiers":{"Mail.ReadWrite":"#))
        #expect(json.contains(#""partners":[],"provenMinimal":true,"calls":[{"method":"GET","url":"/me/messages","#
            + #""template":"/me/messages","grantedBy":"Mail.ReadWrite","least":"Mail.Read","recommended":"Mail.Read","#
            + #""reason":"also grants this call; chosen as least privileged for POST /me/messages","alsoRequires":[],"#
            + #""basis":"documented"}"#))
        #expect(json.contains(#""Application":{"permissions":[],"tiers":{},"partners":[],"provenMinimal":true,"#
            + #""calls":[],"unsupported":[{"method":"GET","url":"/me/messages"},"#
            + #"{"method":"POST","url":"/me/messages"}]}"#))
        #expect(json.hasSuffix(#""unknown":[{"method":"GET","url":"/nowhere","#
            + #""error":"Microsoft's permission data documents no permission for GET /nowhere"}],"#
            + #""otherHosts":[{"method":"GET","url":"https://example.com/api"}]}"#))
    }

    @Test func aPartnerRowSaysWhoNeedsIt() throws {
        let analysis = try MiniKnowledgeBase.shared.need(
            try AppCalls.parse("PATCH /users/u1\n", file: "c.txt"), schemes: [.application])
        #expect(analysis.tabular.rows.map { Array($0.prefix(3)) } == [
            ["Application", "User.EnableDisableAccount.All", "PATCH /users/{id}"],
            ["Application", "User.Read.All", "AlsoRequires partner of User.EnableDisableAccount.All"],
        ])
    }
}
