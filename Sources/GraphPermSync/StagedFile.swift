import Foundation
import GraphPermKit

/// A file in the staging folder, with the URL or file it came from (the name every message uses).
struct StagedFile: Sendable {
    let path: String
    let source: String
    let kind: DocumentKind
    let bytes: Int

    /// Checks that the file is what it must be (`DownloadCheck`).
    func check() throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SyncError(source: source, message: "the downloaded copy cannot be read back")
        }
        try DownloadCheck.check([UInt8](data), expected: kind, source: source)
    }
}

/// Replaces the staging folder's paths in a load's messages with the sources' names.
struct LoadErrorNames {
    let staged: [StagedFile]
    let staging: String
    let databasePath: String

    func syncError(_ error: LoadError) -> SyncError {
        switch error {
        case .data(let file, let place, let message):
            SyncError(source: name(file), message: rename("\(place): \(message)"), kind: .badContent)
        case .io(let file, let message):
            SyncError(source: name(file), message: rename(message))
        }
    }

    func rename(_ text: String) -> String {
        var text = text
        for file in staged { text = text.replacingOccurrences(of: file.path, with: file.source) }
        return text.replacingOccurrences(of: staging + "/new.sqlite", with: databasePath)
            .replacingOccurrences(of: staging, with: (databasePath as NSString).deletingLastPathComponent)
    }

    private func name(_ file: String) -> String {
        if let found = staged.first(where: { $0.path == file }) { return found.source }
        if file.hasPrefix(staging + "/tenant") { return "the tenant's service principal" }
        return rename(file)
    }
}
