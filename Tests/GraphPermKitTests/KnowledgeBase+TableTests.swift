import Testing
import GraphPermCore
import GraphPermKit

/// The documentation table for one URL or several merged, from the mini knowledge base.
@Suite struct KnowledgeBaseTableTests {
    let kb = MiniKnowledgeBase.shared

    @Test func oneURLGivesMicrosoftsTable() throws {
        let table = try kb.permissionTable(method: "get", urls: "/me/messages")
        #expect(table.markdown == """
            |Permission type|Least privileged permissions|Higher privileged permissions|
            |:---|:---|:---|
            |Delegated (work or school account)|Mail.Read|Mail.ReadWrite|
            |Delegated (personal Microsoft account)|Not supported.|Not supported.|
            |Application|Mail.Read|Mail.ReadWrite|


            """)
        #expect(table.isMicrosoftTable)
    }

    @Test func severalURLsMergeAndAnUnknownOneIsSkipped() throws {
        let table = try kb.permissionTable(method: "GET", urls: "/users/{id}; /users/{id}/messages ;/nowhere")
        // GET /users/{id}: User.Read.All least; GET /users/{id}/messages: Mail.Read least: they differ.
        #expect(table.problems == [
            .differingLeast(.delegatedWork, ["Mail.Read", "User.Read.All"]),
            .differingLeast(.application, ["Mail.Read", "User.Read.All"]),
        ])
        #expect(table.rows[0].least == "Mail.Read")
        #expect(table.rows[0].higher == "Mail.ReadWrite, User.ReadWrite.All, User.Read.All")
    }

    @Test func oneBadURLIsItsError() {
        let error = #expect(throws: LookupError.self) { try kb.permissionTable(method: "PUT", urls: "/me/messages") }
        #expect(error == .unsupportedMethod(method: "PUT", template: "/me/messages",
                                            supported: ["DELETE", "GET", "POST"]))
        #expect(throws: LookupError.badMethod("TRACE")) { try kb.permissionTable(method: "TRACE", urls: "/me") }
    }

    @Test func whenEveryURLFailsTheFirstErrorIsThrown() {
        let error = #expect(throws: LookupError.self) {
            try kb.permissionTable(method: "PUT", urls: "/me/messages;/users/{id}")
        }
        #expect(error == .unsupportedMethod(method: "PUT", template: "/me/messages",
                                            supported: ["DELETE", "GET", "POST"]))
        #expect(throws: LookupError.unknownPath(" ; ", suggestions: [])) {
            try kb.permissionTable(method: "GET", urls: " ; ")
        }
    }
}
