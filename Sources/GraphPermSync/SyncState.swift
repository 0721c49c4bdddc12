import Foundation

/// What the last sync knew (`<knowledge base>.sync.json`): each URL's `ETag` and `Last-Modified`, and which
/// knowledge base file it built. It counts only while that file is still the knowledge base: after a `load`
/// (a new file) every download is made in full again.
///
///     SyncState.read(for: "kb.sqlite").validators["https://example.org/permissions.json"]?.etag  // "\"abc\""
struct SyncState: Codable, Equatable {
    /// The knowledge base file as it was after the sync: inode, size and modification time.
    var database: String?
    var validators: [String: Downloader.Validators] = [:]

    static func path(for databasePath: String) -> String { databasePath + ".sync.json" }

    /// The saved state if it describes the current knowledge base, else an empty one.
    static func read(for databasePath: String) -> SyncState {
        guard let data = FileManager.default.contents(atPath: path(for: databasePath)),
            let state = try? JSONDecoder().decode(SyncState.self, from: data),
            let database = state.database, database == fingerprint(databasePath)
        else { return SyncState() }
        return state
    }

    /// Saves the validators for the knowledge base now at `databasePath`; a failure only costs a full download.
    func write(for databasePath: String) {
        var state = self
        state.database = Self.fingerprint(databasePath)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(state) else { return }
        try? data.write(to: URL(fileURLWithPath: Self.path(for: databasePath)), options: .atomic)
    }

    static func fingerprint(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
