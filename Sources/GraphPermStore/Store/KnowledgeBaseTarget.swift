import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// Checks on the file a load writes, made before anything is written: it is none of the load's inputs, and
/// nothing but a knowledge base (or an empty file) is replaced; and the temporary files of killed loads beside it
/// are removed.
package enum KnowledgeBaseTarget {
    /// The first 16 bytes of every SQLite database file.
    package static let sqliteHeader = Array("SQLite format 3\u{0}".utf8)
    /// The name of the temporary file a load of `target` in process `pid` writes before renaming it over `target`.
    package static func temporaryName(of target: String, pid: Int32) -> String { ".\(target).new-\(pid)" }

    /// Refuses a target that is one of `inputs` (a file named, or a `*.json` file in a folder named).
    ///
    ///     try KnowledgeBaseTarget.refuseInput(target: "permissions.json", inputs: ["permissions.json"])
    ///     // permissions.json: --db: expected a knowledge base file that is not one of the files to load, ...
    package static func refuseInput(target: String, inputs: [String]) throws(LoadError) {
        guard let targetIdentity = identity(of: target) else { return }
        for input in inputs {
            let files = (try? SourceFile.expand(input)) ?? []
            for file in files where identity(of: file.path) == targetIdentity {
                throw LoadError.data(file: target, place: "--db",
                                     message: "expected a knowledge base file that is not one of the files to load,"
                                         + " found \(file.path) among the inputs; name another file with --db")
            }
        }
    }

    /// Refuses an existing `target` that is not a graphperm knowledge base (of any schema version): a folder, a
    /// file that is not SQLite, or a SQLite database without the knowledge base's tables. An empty file is fine.
    package static func refuseForeignFile(_ target: String) throws(LoadError) {
        var status = stat()
        guard lstat(target, &status) == 0 else { return }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFDIR else { throw refusal(target, found: "a folder") }
        guard status.st_size > 0 || kind != S_IFREG else { return }
        guard kind == S_IFREG || kind == S_IFLNK else {
            throw refusal(target, found: "a special file (a device, a pipe or a socket)")
        }
        guard firstBytes(of: target, count: sqliteHeader.count) == sqliteHeader else {
            throw refusal(target, found: "a file that is not a SQLite database")
        }
        guard hasKnowledgeBaseTables(target) else {
            throw refusal(
                target, found: "a SQLite database without the knowledge base's tables (permission, grants, provenance)")
        }
    }

    /// Whether `path` is an SQLite file (by its first 16 bytes).
    package static func isSQLiteFile(_ path: String) -> Bool {
        firstBytes(of: path, count: sqliteHeader.count) == sqliteHeader
    }

    private static func firstBytes(of path: String, count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { POSIX.read(descriptor, $0.baseAddress, count) }
        return read == count ? bytes : []
    }

    /// Whether the SQLite file at `path` has the tables every graphperm knowledge base has had.
    private static func hasKnowledgeBaseTables(_ path: String) -> Bool {
        guard let db = try? SQLiteConnection(path: path, readOnly: true) else { return false }
        let sql = "SELECT count(*) FROM sqlite_master"
            + " WHERE type = 'table' AND name IN ('permission', 'grants', 'provenance')"
        return ((try? db.makeStatement(sql).value() as Int?) ?? 0) == 3
    }

    private static func refusal(_ target: String, found: String) -> LoadError {
        .data(file: target, place: "--db",
              message: "expected a graphperm knowledge base to replace (or a new file), found \(found);"
                  + " it was left untouched: name another file with --db")
    }

    /// Removes the temporary files of loads of `target` whose process is gone (killed during a load); those of
    /// running processes are left alone.
    package static func removeStaleTemporaries(of target: URL) {
        let folder = target.deletingLastPathComponent().path
        let prefix = "." + target.lastPathComponent + ".new-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let suffix = rest.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 10, ["", "-journal", "-wal", "-shm"].contains(suffix),
                  let pid = Int32(digits), pid > 0, !isAlive(pid) else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Whether a process with this ID exists (EPERM: it does, owned by someone else).
    package static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func identity(of path: String) -> [UInt64]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return [UInt64(status.st_dev), UInt64(status.st_ino)]
    }
}
