import Foundation

/// The folder a tenant export goes to. The export is written into a staging folder beside it and takes its place
/// in one rename (an exchange with an earlier export where the file system can), so the folder never holds half an
/// export. A folder that holds anything but an earlier export is refused: nothing of the user's is replaced.
///
///     try ExportFolder(path: "tenant").staging.path   // "./.graphperm-sync-4242"
package struct ExportFolder: Sendable {
    package let path: String

    /// The folder at `path`, which must be absent, empty, or an earlier export.
    package init(path: String) throws {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.path, isDirectory: &isDirectory) else {
            let parent = URL(fileURLWithPath: self.path).deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw SyncError(source: path, message: "the folder it goes in (\(parent)) does not exist") }
            return
        }
        guard isDirectory.boolValue else {
            throw SyncError(
                source: path, message: "is a file: the export needs a folder (new, empty or an earlier export)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: self.path)) ?? []
        if let other = names.sorted().first(where: { !Self.isExportFile($0) }) {
            throw SyncError(
                source: path,
                message: "holds \(other), which is not part of a tenant export: give a new folder or an earlier export")
        }
    }

    /// Whether `name` is one of an export's files: `servicePrincipals.json`, `roleAssignments.3.json`, …
    static func isExportFile(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.last == "json", TenantExporter.collections.contains(where: { $0.name == parts.first ?? "" })
        else { return false }
        return parts.count == 2 || (parts.count == 3 && parts[1].allSatisfy(\.isNumber) && !parts[1].isEmpty)
    }

    /// The staging folder beside the export (same file system, so the rename is atomic).
    package var staging: StagingFolder { StagingFolder(databasePath: path) }

    /// Puts the finished export in `files` in place of the folder; an earlier export ends up in `files`.
    func publish(_ files: String) throws {
        if rename(files, path) == 0 { return }
        guard errno == EEXIST || errno == ENOTEMPTY else { throw failure() }
        if Self.exchange(files, path) { return }
        // No atomic exchange here: move the earlier export aside, then the new one in.
        let aside = files + ".previous"
        guard rename(path, aside) == 0 else { throw failure() }
        guard rename(files, path) == 0 else {
            let error = failure()
            _ = rename(aside, path)
            throw error
        }
    }

    private func failure() -> SyncError {
        SyncError(source: path, message: "the export could not be put in place (\(String(cString: strerror(errno))))")
    }

    /// Swaps two paths in one step (`renameat2` with `RENAME_EXCHANGE`, Linux 3.15 and later); false when the
    /// system or the file system cannot.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 2
        return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    static func createDirectory(_ path: String, source: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw SyncError(source: source, message: "cannot create the export (\(error.localizedDescription))")
        }
    }
}
