import Foundation
import GRDB
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
    package static func writeFile(_ path: String, fill: (Database) throws -> Void) throws(LoadError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LoadError.io(file: path, message: "the folder \(folder) does not exist")
        }
        try KnowledgeBaseTarget.refuseForeignFile(path)
        KnowledgeBaseTarget.removeStaleTemporaries(of: target)
        let name = KnowledgeBaseTarget.temporaryName(
            of: target.lastPathComponent, pid: ProcessInfo.processInfo.processIdentifier)
        let temporary = folder + "/" + name
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            // Every reference is made by this writer from the facts' own IDs; checking each row would double the
            // insert time.
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in
                // A new file that only replaces the knowledge base once complete and synced: no journal needed.
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
                    + " PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in try fill(db) }
            try queue.close()
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
    package static func populate(_ db: Database, with facts: KnowledgeFacts) throws {
        var filler = try KnowledgeBaseFiller(db)
        filler.number(granting: facts.grantingPermissions)
        try filler.add(facts.grants)
        try filler.finishGrants(securityEntities: facts.securityEntities)
        try filler.finish(with: facts)
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
