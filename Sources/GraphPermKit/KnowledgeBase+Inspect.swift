import GraphPermPlatform
import GraphPermCore
import GraphPermStore

/// Counts and provenance of a knowledge base.
package struct Statistics: Sendable, Renderable {
    package let counts: [(String, Int)]
    package let files: [(kind: String, path: String, size: Int, sha256: String, loadedAt: String)]

    /// The counts and the files, as `stats --format json` prints them.
    package var json: String {
        JSONText.object([
                ("counts", JSONText.object(counts.map { ($0.0, String($0.1)) })),
                ("files", JSONText.array(files.map { file in
                            JSONText.object([
                                ("kind", JSONText.string(file.kind)), ("path", JSONText.string(file.path)),
                                ("size", String(file.size)),
                                ("sha256", JSONText.string(file.sha256)), ("loaded_at", JSONText.string(file.loadedAt)),
                            ])
                })),
        ])
    }

    /// A row per count and per file.
    package var tableForm: TabularText? {
        let rows =
            counts.map { [$0.0, String($0.1)] }
            + files.map {
                ["file: \($0.kind)", "\($0.path) (\($0.size) bytes, sha256 \($0.sha256.prefix(12))…, \($0.loadedAt))"]
            }
        return TabularText(columns: ["item", "value"], rows: rows)
    }
}

extension KnowledgeBase {
    /// Row counts of the main tables and the files loaded.
    package func statistics() throws(KnowledgeBaseError) -> Statistics {
        let files = try store.provenance().map {
            (kind: $0.kind, path: $0.path, size: $0.size, sha256: $0.sha256, loadedAt: $0.loadedAt)
        }
        return Statistics(counts: try store.tableCounts(), files: files)
    }

    /// Runs one user-typed read-only statement on its own guarded connection: writes, ATTACH, transactions and
    /// PRAGMAs with a value are refused however they are written, and so are several statements at once.
    ///
    ///     try kb.runSQL("SELECT count(*) FROM permission")  // one row
    ///     try kb.runSQL("/**/ATTACH ':memory:' AS m")       // throws .writeRefused("ATTACH is not allowed")
    package func runSQL(_ sql: String) throws(KnowledgeBaseError) -> TabularText { try store.runSQL(sql) }
}
