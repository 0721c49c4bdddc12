import Testing
import GraphPermCore
@testable import GraphPermStore

/// The tier columns of every (permission, scheme) read back from a knowledge base, in a fixed order.
struct KnowledgeStoreTiersTests {
    /// A store of the mini fixtures in memory, with its connection, for tests that change rows.
    static func memoryStore() throws -> (KnowledgeStore, SQLiteConnection) {
        let facts = try KnowledgeLoader.gather(
            paths: [MiniStore.fixture("mini-permissions.json"), MiniStore.fixture("mini-service-principal.json")],
            dataDirectory: Resources.dataDirectory)
        let connection = try KnowledgeBaseWriter.inMemory(facts)
        return (KnowledgeStore(connection: connection, location: "memory"), connection)
    }

    @Test func rowsComeByPermissionNameThenScheme() throws {
        let rows = try MiniStore.shared.storedTiers()
        let keys = rows.map { "\($0.permission) \($0.scheme.rawValue)" }
        #expect(keys == [
            "Mail.Read DelegatedWork", "Mail.Read Application",
            "Mail.ReadWrite DelegatedWork", "Mail.ReadWrite Application",
            "User.EnableDisableAccount.All DelegatedWork", "User.EnableDisableAccount.All Application",
            "User.Read.All DelegatedWork", "User.Read.All Application",
            "User.ReadWrite.All DelegatedWork", "User.ReadWrite.All Application",
        ])
    }

    @Test func anExplicitTierZeroEntryIsStoredWithItsSource() throws {
        let rows = try MiniStore.shared.storedTiers().filter { $0.permission == "User.EnableDisableAccount.All" }
        #expect(rows == [
            StoredTier(permission: "User.EnableDisableAccount.All", scheme: .delegatedWork, tier: 0, tierForUser: 1,
                       basis: "explicit", source: "User.EnableDisableAccount.All"),
            StoredTier(permission: "User.EnableDisableAccount.All", scheme: .application, tier: 0, tierForUser: 0,
                       basis: "explicit", source: "User.EnableDisableAccount.All"),
        ])
    }

    @Test func aTierGivenByARuleNamesTheRule() throws {
        let rows = try MiniStore.shared.storedTiers().filter { $0.permission == "User.Read.All" }
        #expect(rows.map(\.tier) == [2, 2] && rows.map(\.tierForUser) == [2, 2])
        #expect(rows.map(\.basis) == ["rule", "rule"] && rows.map(\.source) == ["read", "read"])
    }

    @Test func columnsWithoutATierReadAsNil() throws {
        let (store, connection) = try Self.memoryStore()
        try connection.execute("""
            UPDATE permission_scheme SET tier = NULL, tier_for_user = NULL, tier_basis = NULL, tier_source = NULL
            WHERE permission_id = (SELECT id FROM permission WHERE name = 'Mail.Read') AND scheme_id = 3
            """)
        let rows = try store.storedTiers()
        let row = try #require(rows.first { $0.permission == "Mail.Read" && $0.scheme == .application })
        #expect(row == StoredTier(permission: "Mail.Read", scheme: .application, tier: nil, tierForUser: nil,
                                  basis: nil, source: nil))
    }

    @Test func aRowOfASchemeGraphpermDoesNotKnowIsLeftOut() throws {
        let (store, connection) = try Self.memoryStore()
        let before = try store.storedTiers()
        try connection.execute("INSERT INTO scheme (id, name, docs_label) VALUES (9, 'Future', 'Future')")
        try connection.execute("""
            INSERT INTO permission_scheme (permission_id, scheme_id, tier, tier_for_user)
            SELECT id, 9, 0, 0 FROM permission WHERE name = 'Mail.Read'
            """)
        #expect(try store.storedTiers() == before)
    }
}
