import GraphPermQuery

/// Why a knowledge base cannot be opened or queried.
public enum KnowledgeBaseError: GraphPermError, Sendable, Equatable {
    case missing(path: String)
    case notADatabase(path: String, detail: String)
    case wrongVersion(path: String, found: Int, expected: Int)
    case unreadable(path: String, detail: String)
    case query(sql: String, detail: String)
    case writeRefused(detail: String)

    /// What went wrong and what to do, naming the file: `no knowledge base at kb.sqlite: download ...`.
    public var description: String {
        switch self {
        case .missing(let path):
            """
            no knowledge base at \(path): download Microsoft's permission data into it with `graphperm sync --db \
            \(path)` (or build it from files with `graphperm load --db \(path) FILE...`)
            """
        case .notADatabase(let path, let detail):
            """
            \(path) is not a graphperm knowledge base (\(detail)): build one with `graphperm load --db \(path) PATH...`
            """
        case .wrongVersion(let path, let found, let expected):
            """
            \(path) has schema version \(found), this graphperm reads version \(expected): rebuild it with `graphperm \
            load --db \(path) PATH...`
            """
        case .unreadable(let path, let detail):
            "\(path) cannot be read: \(detail)"
        case .query(let sql, let detail):
            "the query failed: \(Excerpt.message(detail, limit: 2_000))\n  SQL: \(Excerpt.message(sql, limit: 2_000))"
        case .writeRefused(let detail):
            "refused: the knowledge base is read-only here; only SELECT statements run (\(detail))"
        }
    }

    /// 65 for content that is not a usable knowledge base or a bad query, 74 for I/O.
    public var exitCode: Int32 {
        switch self {
        case .missing, .unreadable: 74
        case .notADatabase, .wrongVersion, .query, .writeRefused: 65
        }
    }
}
