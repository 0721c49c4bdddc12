import Testing
import GraphPermKit

/// Reference documents generated from the mini knowledge base; tables as Microsoft's generator writes them
/// (/work/shared/reference/kibali-semantics.md, sections 5.1–5.3).
@Suite struct KnowledgeBaseReferenceTests {
    let kb = MiniKnowledgeBase.shared

    static let header =
        "|Permission type|Least privileged permissions|Higher privileged permissions|\n|:---|:---|:---|\n"

    @Test func apiTablesOneDocumentPerFirstSegment() throws {
        let documents = try kb.reference(.api)
        let names = documents.map(\.name)
        #expect(names == names.sorted() && names.contains("api-me.md") && names.contains("api-users.md"))
        let me = try #require(documents.first { $0.name == "api-me.md" }).markdown
        // Least Mail.Read, the other name higher; no claim for personal accounts.
        #expect(me.hasPrefix("## me\n\n### GET /me/messages\n\n" + Self.header
            + "|Delegated (work or school account)|Mail.Read|Mail.ReadWrite|\n"
            + "|Delegated (personal Microsoft account)|Not supported.|Not supported.|\n"
            + "|Application|Mail.Read|Mail.ReadWrite|\n\n### POST /me/messages\n\n"))
        // A least permission with nothing above it: "Not available.".
        #expect(me.contains("### POST /me/messages\n\n" + Self.header
            + "|Delegated (work or school account)|Mail.ReadWrite|Not available.|\n"))
        // Methods in GET, POST, PUT, PATCH, DELETE order; templates in byte order.
        let order = ["### GET /me/messages\n", "### POST /me/messages\n", "### DELETE /me/messages\n",
                     "### POST /me/messages/{id}\n"].map { me.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted())
    }

    @Test func anAlsoRequiresPairLeadsTheLeastCellAndLeavesTheHigherOne() throws {
        let users = try #require(try kb.reference(.api).first { $0.name == "api-users.md" }).markdown
        #expect(users.contains("### PATCH /users/{id}\n\n" + Self.header
            + "|Delegated (work or school account)|User.EnableDisableAccount.All and User.Read.All"
            + "|User.ReadWrite.All|\n"))
        #expect(users.contains("### GET /users/{id}\n\n" + Self.header
            + "|Delegated (work or school account)|User.Read.All|User.ReadWrite.All|\n"))
    }

    @Test func thePermissionsReferenceGivesBothIDsAndTexts() throws {
        let documents = try kb.reference(.permissions)
        #expect(documents.map(\.name) == ["permissions.md"])
        let text = documents[0].markdown
        #expect(text.hasPrefix("# Microsoft Graph permissions reference\n\n"))
        #expect(text.contains("""
            ## Mail.Read

            |Category|Application|Delegated|
            |:---|:---|:---|
            |Identifier|810c84a8-4a9e-49e6-bf7d-12d183f40d01|570282fd-fa5c-430d-a7fd-fc8dc98a9dca|
            |DisplayText|Read mail in all mailboxes|Read user mail|
            |Description|Read all mail.|Read mail.|
            |AdminConsentRequired|Yes|No|


            """))
    }

    @Test func theSecurityTableKeepsMicrosoftsOrder() throws {
        let text = try kb.reference(.security)[0].markdown
        #expect(text.hasPrefix("|Permission | Entity | Supported requests |\n"
            + "|:----------|:-------|:-------------------|\n"
            + "|SecurityActions.Read.All| &bull; [securityActions](/graph/api/resources/securityaction) (preview)"
            + " | GET |\n"))
        #expect(text.contains("|SecurityEvents.Read.All| &bull; [alerts](/graph/api/resources/alert)</br> "
            + "&bull; [secureScores](/graph/api/resources/securescore)</br> "))
    }

    @Test func theRolesTheSecurityAPIAccepts() throws {
        // Microsoft's Graph Security API documentation lists these three, in this order, with these template IDs.
        #expect(try kb.reference(.roles)[0].markdown == """
            |Microsoft Entra role|Role template ID|
            |---|---|
            |Security Reader|5d6b6bb7-de71-4623-b4af-96380a352509|
            |Security Administrator|194ae4cb-b126-40b2-bd5b-6091b380977d|
            |Global Administrator|62e90394-69f5-4237-9190-012177145e10|

            """)
    }

    @Test func everyKindHasADocument() throws {
        for kind in ReferenceKind.allCases {
            #expect(try !kb.reference(kind).isEmpty, "\(kind.rawValue) produced no document")
        }
    }
}
