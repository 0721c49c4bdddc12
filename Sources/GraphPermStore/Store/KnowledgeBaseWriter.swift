import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// Writes gathered facts into a new database and swaps it in place of the old one in one step, so a failed
/// load leaves the old knowledge base exactly as it was.
package enum KnowledgeBaseWriter {
    /// Builds `path` from `facts`: a new file beside it, then an atomic rename over it.
    package static func write(_ facts: KnowledgeFacts, to path: String) throws(LoadError) {
        try writeFile(path) { db in try populate(db, with: facts) }
    }

    /// Fills a new file beside `path` with `fill` (inside one transaction), syncs it and renames it over `path`;
    /// on any error the new file is removed and `path` is left as it was.
    package static func writeFile(_ path: String, fill: (SQLiteConnection) throws -> Void) throws(LoadError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw LoadError.io(file: path, message: "the folder \(folder) does not exist")
        }
        try KnowledgeBaseTarget.refuseForeignFile(path)
        KnowledgeBaseTarget.removeStaleTemporaries(of: target)
        let name = KnowledgeBaseTarget.temporaryName(
            of: target.lastPathComponent, pid: ProcessInfo.processInfo.processIdentifier)
        let temporary = folder + "/" + name
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try fillNewFile(temporary, fill: fill)
            try sync(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not be written (\(describe(error)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw LoadError.io(file: path, message: "the new knowledge base could not replace the old one (\(reason))")
        }
        try? sync(folder)
    }

    /// Creates the file at `path` and fills it in one transaction; the connection is closed on return.
    private static func fillNewFile(_ path: String, fill: (SQLiteConnection) throws -> Void) throws {
        let db = try SQLiteConnection(path: path)
        // A new file that only replaces the knowledge base once complete and synced: no journal needed. Every
        // reference is made by this writer from the facts' own IDs, so foreign keys stay unchecked (SQLite's
        // default), which halves the insert time.
        try db.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
            + " PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        try db.execute("BEGIN")
        try fill(db)
        try db.execute("COMMIT")
    }

    /// A new database in memory holding `facts` (the embedded data, or files to diff that were never loaded).
    package static func inMemory(_ facts: KnowledgeFacts) throws -> SQLiteConnection {
        let db = try SQLiteConnection(path: nil)
        try db.execute("BEGIN")
        try populate(db, with: facts)
        try db.execute("COMMIT")
        return db
    }

    /// Flushes a file (or folder) to disk, so the rename never exposes a half-written file after a crash.
    private static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw LoadError.io(file: path, message: "cannot be opened to sync (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw LoadError.io(file: path, message: "cannot be synced to disk (\(String(cString: strerror(errno))))")
        }
    }

    /// Creates the schema in `db` and inserts every fact.
    package static func populate(_ db: SQLiteConnection, with facts: KnowledgeFacts) throws {
        var filler = try KnowledgeBaseFiller(db)
        filler.number(granting: facts.grantingPermissions)
        try filler.add(facts.grants)
        try filler.finishGrants(securityEntities: facts.securityEntities)
        try filler.finish(with: facts)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        return "\(error)"
    }
}
