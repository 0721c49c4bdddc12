import Foundation
import Testing
import GraphPermCore
@testable import GraphPermStore

/// Opening a knowledge base file (and every way it can fail, each naming the file), the matcher and the grants.
struct KnowledgeStoreTests {
    @Test func aMissingFileIsReportedWithTheCommandThatMakesIt() {
        let path = MiniStore.temporaryFolder() + "/none.sqlite"
        #expect(throws: KnowledgeBaseError.missing(path: path)) { try KnowledgeStore.open(path: path) }
        #expect(KnowledgeBaseError.missing(path: path).description.contains("graphperm sync --db \(path)"))
        #expect(KnowledgeBaseError.missing(path: path).exitCode == 74)
    }

    @Test func aFolderIsNotADatabase() {
        let folder = MiniStore.temporaryFolder()
        #expect(throws: KnowledgeBaseError.notADatabase(path: folder, detail: "it is a folder")) {
            try KnowledgeStore.open(path: folder)
        }
    }

    @Test func aTextFileIsNotADatabase() throws {
        let path = MiniStore.temporaryFolder() + "/notes.sqlite"
        try "not a database, only some text that is long enough to be read as a header".write(
            toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try KnowledgeStore.open(path: path)
            Issue.record("a text file opened as a knowledge base")
        } catch {
            guard case .notADatabase(let named, let detail) = error else { Issue.record("got \(error)"); return }
            #expect(named == path && detail == "file is not a database")
            #expect(error.description.hasPrefix("\(path) is not a graphperm knowledge base (file is not a database)"))
        }
    }

    @Test func anotherSchemaVersionIsRefused() throws {
        let path = MiniStore.temporaryFolder() + "/old.sqlite"
        let db = try SQLiteConnection(path: path)
        try db.execute("CREATE TABLE t (x); PRAGMA user_version = 2")
        #expect(throws: KnowledgeBaseError.wrongVersion(path: path, found: 2, expected: 3)) {
            try KnowledgeStore.open(path: path)
        }
        #expect(KnowledgeBaseError.wrongVersion(path: path, found: 2, expected: 3).description
            == "\(path) has schema version 2, this graphperm reads version 3: rebuild it with "
            + "`graphperm load --db \(path) PATH...`")
    }

    @Test func anEmptyFileHasVersionZero() throws {
        let path = MiniStore.temporaryFolder() + "/empty.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: KnowledgeBaseError.wrongVersion(path: path, found: 0, expected: KnowledgeStore.schemaVersion)) {
            try KnowledgeStore.open(path: path)
        }
    }

    @Test func aBuiltFileOpensWithItsLocation() throws {
        let store = MiniStore.shared
        #expect(store.location == MiniStore.path)
        #expect(try store.connection.withLock { try $0.makeStatement("PRAGMA user_version").value() as Int? } == 3)
    }

    @Test func theMatcherFindsTheTemplateOfARequest() throws {
        let store = MiniStore.shared
        let templates = try store.templates()
        for (request, template) in [("/me/messages", "/me/messages"), ("/users/42/messages", "/users/{id}/messages"),
                                    ("/me/messages/AAk=", "/me/messages/{id}")] {
            let full = try #require(try store.matcher().match(RequestPath(request)))
            let quick = try #require(try store.matcher(for: RequestPath(request)).match(RequestPath(request)))
            #expect(full.templates == [template] && quick.templates == [template], "\(request)")
            #expect(templates.contains(template))
        }
        #expect(try store.matcher().match(RequestPath("/nowhere/at/all")) == nil)
        #expect(try store.matcher(for: RequestPath("/")).match(RequestPath("/")) == nil)
    }

    @Test func grantsOfATemplateComeInClaimOrder() throws {
        let store = MiniStore.shared
        let match = try #require(try store.matcher().match(RequestPath("/users/7")))
        let grants = try store.grants(templateIDs: match.templateIDs)
        let delegated = grants.filter { $0.scheme == .delegatedWork }
        #expect(delegated.map { "\($0.permission) \($0.method) \($0.isLeast)" } == [
            "User.EnableDisableAccount.All PATCH true", "User.Read.All GET true",
            "User.ReadWrite.All GET false", "User.ReadWrite.All PATCH false",
        ])
        #expect(delegated.first?.alsoRequires == ["User.Read.All"] && delegated.first?.template == "/users/{id}")
        #expect(grants.count == 8)
        #expect(grants.map(\.claimOrder) == grants.map(\.claimOrder).sorted())
        #expect(try store.grants(templateIDs: []) == [] && store.grants(templateIDs: [999_999]) == [])
    }

    @Test func preloadedGrantsAnswerTheSame() throws {
        let path = MiniStore.path
        _ = MiniStore.shared
        let fresh = try KnowledgeStore.open(path: path)
        let id = try #require(try fresh.matcher().match(RequestPath("/me/messages"))).templateIDs[0]
        let before = try fresh.grants(templateIDs: [id])
        try fresh.preloadGrants()
        #expect(try fresh.grants(templateIDs: [id]) == before && !before.isEmpty)
        #expect(try fresh.allGrants()[id] == before)
    }

    @Test func aBadQueryNamesItsSQL() {
        #expect(throws: KnowledgeBaseError.query(sql: "SELECT nope FROM permission", detail: "no such column: nope")) {
            try MiniStore.shared.read("SELECT nope FROM permission") { db, sql in
                try db.statement(sql).value() as Int?
            }
        }
    }

    @Test func theEmbeddedStoreHoldsTheSecurityTableOnly() throws {
        let store = try KnowledgeStore.embedded()
        #expect(store.location == "(embedded)")
        #expect(try store.hasPathData() == false)
        #expect(try !store.securityEntities().isEmpty)
        let user = try store.userSQLConnection()
        #expect(try user.connection.makeStatement("SELECT count(*) FROM security_entity").value() as Int?
            == store.securityEntities().count)
    }
}
