import GRDB

extension KnowledgeBase {
    /// The embedded snapshot this knowledge base was built from (its date and commit, from the recorded location of
    /// its permissions document), or nil when it was loaded from files.
    ///
    ///     try kb.snapshotOrigin()   // ("2026-08-07", "6cbd6bbd665a") on a fresh install; nil after `graphperm sync`
    public func snapshotOrigin() throws(KnowledgeBaseError) -> (date: String, commit: String)? {
        let sql = "SELECT path FROM provenance WHERE kind = 'permissions-document' ORDER BY id LIMIT 1"
        let path = try read(sql) { db, sql in try String.fetchOne(db.cachedStatement(sql: sql)) }
        return path.flatMap(Snapshot.origin(ofLocation:))
    }
}
