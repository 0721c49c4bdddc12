import Foundation

/// The folder a sync downloads into and builds the new knowledge base in: beside the knowledge base (so the
/// finished file is renamed over it on the same file system), named after the process, removed at the end. An
/// executable removes it on SIGINT/SIGTERM through `path`; folders left by killed processes go at the next sync.
///
///     let staging = StagingFolder(databasePath: "/data/graphperm.sqlite")
///     staging.path  // "/data/.graphperm-sync-4242"
package struct StagingFolder: Sendable {
    static let prefix = ".graphperm-sync-"

    package let path: String
    let parent: String

    package init(databasePath: String, processID: Int32 = ProcessInfo.processInfo.processIdentifier) {
        parent = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
        path = parent + "/" + Self.prefix + String(processID)
    }

    /// Creates the folder empty, after removing the folders of sync processes that no longer run.
    func create() throws {
        removeAbandoned()
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw SyncError(
                source: parent, message: "cannot create a folder for the downloads here (\(error.localizedDescription))"
            )
        }
    }

    package func remove() { try? FileManager.default.removeItem(atPath: path) }

    private func removeAbandoned() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(Self.prefix) {
            guard let pid = Int32(name.dropFirst(Self.prefix.count)), pid > 0 else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + name) }
        }
    }
}
