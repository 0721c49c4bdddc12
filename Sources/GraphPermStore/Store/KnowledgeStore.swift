import GraphPermPlatform
import Synchronization
import GraphPermCore

/// The SQLite file of a knowledge base, opened read-only: the matcher's templates, grants and every typed read
/// (`KnowledgeStore+Reads.swift`). `GraphPermKit.KnowledgeBase` asks its questions through it.
///
///     let store = try KnowledgeStore.open(path: "graphperm.sqlite")
///     try store.grants(templateIDs: [12]).count  // the grants on template 12
package final class KnowledgeStore: @unchecked Sendable {
    /// The schema version this build writes and reads (`PRAGMA user_version`).
    package static let schemaVersion = 3

    package let connection: SQLiteConnection
    /// The file, or `(embedded)` for the built-in Security API data.
    package let location: String
    private let cachedMatcher = Mutex<PathMatcher?>(nil)
    /// Every grant by template ID, once `preloadGrants()` has run.
    private let preloadedGrants = Mutex<[Int: [Grant]]?>(nil)
    /// The connection for user-typed SQL and its authorizer, opened on first use (see `runSQL`).
    private let userSQL = Mutex<UserSQLConnection?>(nil)

    package init(connection: SQLiteConnection, location: String) {
        self.connection = connection
        self.location = location
    }

    /// Opens the file read-only and checks its schema version.
    package static func open(path: String) throws(KnowledgeBaseError) -> KnowledgeStore {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .missing(path: path) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw .notADatabase(path: path, detail: "it is a folder") }
        guard access(path, R_OK) == 0 else { throw .unreadable(path: path, detail: "permission denied") }
        let connection: SQLiteConnection
        let version: Int
        do {
            connection = try SQLiteConnection(path: path, readOnly: true)
            version = try connection.withLock { db in try db.makeStatement("PRAGMA user_version").value() } ?? 0
        } catch let error as SQLiteError {
            throw .notADatabase(path: path, detail: error.message)
        } catch {
            throw .unreadable(path: path, detail: "\(error)")
        }
        guard version == schemaVersion else { throw .wrongVersion(path: path, found: version, expected: schemaVersion) }
        return KnowledgeStore(connection: connection, location: path)
    }

    /// A knowledge base in memory built from the embedded `Data/` alone (the Graph Security API table).
    package static func embedded(dataDirectory: ResourceFolder = Resources.dataDirectory) throws -> KnowledgeStore {
        let facts = try KnowledgeLoader.gather(paths: [], dataDirectory: dataDirectory)
        return KnowledgeStore(connection: try KnowledgeBaseWriter.inMemory(facts), location: "(embedded)")
    }

    /// The matcher over every path template, built on first use.
    package func matcher() throws(KnowledgeBaseError) -> PathMatcher {
        try cachedMatcher.withLock { (cached: inout PathMatcher?) throws(KnowledgeBaseError) -> PathMatcher in
            if let cached { return cached }
            let rows: [(Int, String)] = try read("SELECT id, template FROM path_template ORDER BY id") { db, sql in
                try db.statement(sql).rows { ($0[0] as Int, $0[1] as String) }
            }
            let matcher = PathMatcher(templates: rows)
            cached = matcher
            return matcher
        }
    }

    /// Stops the statement running now (it fails with an "interrupted" error); used for Ctrl-C in the REPL.
    package func interrupt() {
        connection.interrupt()
        userSQL.withLock { $0?.connection.interrupt() }
    }

    /// The connection that runs user-typed SQL: a read-only one to the same file (a copy in memory for the
    /// embedded data) whose SQLite authorizer is an `SQLGuard`. Its own connection, so that the guard changes
    /// nothing for the queries graphperm makes itself.
    package func userSQLConnection() throws(KnowledgeBaseError) -> UserSQLConnection {
        try userSQL.withLock { (cached: inout UserSQLConnection?) throws(KnowledgeBaseError) -> UserSQLConnection in
            if let cached { return cached }
            let guardian = SQLGuard()
            let opened: SQLiteConnection
            do {
                if location == "(embedded)" {
                    opened = try SQLiteConnection(path: nil)
                    try connection.withLock { source in try source.backup(to: opened) }
                } else {
                    opened = try SQLiteConnection(path: location, readOnly: true)
                }
            } catch let error as SQLiteError {
                throw .notADatabase(path: location, detail: error.message)
            } catch {
                throw .unreadable(path: location, detail: "\(error)")
            }
            guardian.install(on: opened)
            let userConnection = UserSQLConnection(connection: opened, guardian: guardian)
            cached = userConnection
            return userConnection
        }
    }


    /// A matcher able to match `request`: the full one once built, else one over the few templates that could
    /// match it (see `CandidateFilter`; enough for a one-shot lookup, and much faster to build).
    package func matcher(for request: RequestPath) throws(KnowledgeBaseError) -> PathMatcher {
        if let full = cachedMatcher.withLock({ $0 }) { return full }
        guard let first = request.segments.first else { return PathMatcher(templates: []) }
        let prefixes = Set(([first.normalized] + (first.keySplit.map { [PathSegments.normalize($0[0])] } ?? []))
            .map { "/" + $0.prefix { $0 != "(" && $0 != ":" } }).sorted()
        let filter = CandidateFilter(request)
        // The range scan reads the match_key index alone (it holds the id too); only kept rows touch the table.
        let scan = Self.candidateScanSQL
        var ids: [Int] = []
        for prefix in prefixes {
            try read(scan) { db, sql in
                try db.statement(sql).forEachRow([prefix, prefix + "\u{7F}"]) { row in
                    // The key is tested as SQLite's bytes, without making a string of it.
                    let mayMatch = row.withBytes(at: 1) { bytes in
                        bytes.map { filter.mayMatch(key: $0.assumingMemoryBound(to: UInt8.self)) } ?? false
                    }
                    if mayMatch { ids.append(row[0]) }
                }
            }
        }
        let rows: [(Int, String)] = try read("SELECT template FROM path_template WHERE id = ?") { db, sql in
            let statement = try db.statement(sql)
            return try ids.sorted().compactMap { id in try (statement.value([id]) as String?).map { (id, $0) } }
        }
        return PathMatcher(templates: rows)
    }

    /// Reads every grant in one query and keeps them, so that later reads need no more queries.
    package func preloadGrants() throws(KnowledgeBaseError) {
        _ = try allGrants()
    }

    /// Every grant by template ID, in claim order (read once, then kept).
    package func allGrants() throws(KnowledgeBaseError) -> [Int: [Grant]] {
        if let all = preloadedGrants.withLock({ $0 }) { return all }
        let all: [Int: [Grant]] = try read(Self.grantsSQL(where: "")) { db, sql in
            var byTemplate: [Int: [Grant]] = [:]
            try db.statement(sql).forEachRow { row in byTemplate[row[8], default: []].append(Grant(row: row)) }
            return byTemplate
        }
        preloadedGrants.withLock { $0 = all }
        return all
    }

    /// Every grant on the given templates, in Microsoft's claim order.
    package func grants(templateIDs: [Int]) throws(KnowledgeBaseError) -> [Grant] {
        if let all = preloadedGrants.withLock({ $0 }) { return templateIDs.flatMap { all[$0] ?? [] } }
        return try read(Self.templateGrantsSQL) { db, sql in
            var grants: [Grant] = []
            let statement = try db.statement(sql)
            for id in templateIDs { try statement.forEachRow([id]) { grants.append(Grant(row: $0)) } }
            return grants
        }
    }

    /// The range scan over match keys that finds a request's candidate templates.
    package static let candidateScanSQL =
        "SELECT id, match_key FROM path_template WHERE match_key >= ? AND match_key < ?"
    package static let templateGrantsSQL = grantsSQL(where: "WHERE g.template_id = ?")

    /// Grants with their names (the columns `Grant(row:)` reads, then the template ID), by template in claim order.
    package static func grantsSQL(where condition: String) -> String {
        """
        SELECT p.name, g.scheme_id, g.method, t.template, g.is_least, g.also_requires, g.claim_order, \
        g.source, g.template_id
        FROM grants g JOIN permission p ON p.id = g.permission_id JOIN path_template t ON t.id = g.template_id
        \(condition) ORDER BY g.template_id, g.claim_order, g.id
        """
    }

    /// Runs `body` in a read transaction, turning database errors into `KnowledgeBaseError.query`.
    package func read<T>(_ sql: String, _ body: (SQLiteConnection, String) throws -> T) throws(KnowledgeBaseError)
        -> T
    {
        do {
            // The file is never changed in place (a load renames a new file over it), so reads need no transaction.
            return try connection.withLock { db in try body(db, sql) }
        } catch let error as SQLiteError {
            throw .query(sql: error.sql ?? sql, detail: error.message)
        } catch let error as KnowledgeBaseError {
            throw error
        } catch {
            throw .query(sql: sql, detail: "\(error)")
        }
    }
}

extension Grant {
    /// A grant from the first eight columns of `KnowledgeStore.grantsSQL`.
    package init(row: SQLiteRow) {
        let partners: String = row[5]
        self.init(permission: row[0], scheme: Scheme(id: row[1]) ?? .application, method: row[2], template: row[3],
                  isLeast: row[4],
                  alsoRequires: partners.isEmpty
                      ? [] : partners.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                  claimOrder: row[6], source: GrantSource(rawValue: row[7]) ?? .document)
    }
}

/// A connection for user-typed SQL with the guard installed on it.
package struct UserSQLConnection: Sendable {
    package let connection: SQLiteConnection
    package let guardian: SQLGuard
}
