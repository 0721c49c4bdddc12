import GraphPermCore

/// A permission's tier columns in one scheme, as the knowledge base stores them.
package struct StoredTier: Sendable, Equatable {
    package let permission: String
    package let scheme: Scheme
    package let tier: Int?
    package let tierForUser: Int?
    package let basis: String?
    package let source: String?
}

extension KnowledgeStore {
    /// Every (permission, scheme) with its stored tier, by permission name (byte order) then scheme ID.
    package func storedTiers() throws(KnowledgeBaseError) -> [StoredTier] {
        let sql = """
            SELECT p.name, ps.scheme_id, ps.tier, ps.tier_for_user, ps.tier_basis, ps.tier_source
            FROM permission p JOIN permission_scheme ps ON ps.permission_id = p.id ORDER BY p.name, ps.scheme_id
            """
        return try read(sql) { db, sql in
            try db.statement(sql).rows { row -> StoredTier? in
                guard let scheme = Scheme(id: row["scheme_id"]) else { return nil }
                return StoredTier(
                    permission: row["name"], scheme: scheme, tier: row["tier"], tierForUser: row["tier_for_user"],
                    basis: row["tier_basis"], source: row["tier_source"])
            }.compactMap { $0 }
        }
    }
}
