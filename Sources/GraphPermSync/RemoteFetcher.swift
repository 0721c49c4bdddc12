import Foundation

/// Downloads the three files from a base URL into the staging folder with conditional requests.
struct RemoteFetcher: Sendable {
    let base: URL
    let downloader: Downloader
    let progress: @Sendable (String, Int) -> Void

    /// The staged files and their validators, or nil when every file is unchanged (and `needsAll` is false).
    func stage(
        into staging: String, previous: SyncState,
        needsAll: Bool
    ) async throws -> ([StagedFile], [String: Downloader.Validators])? {
        var staged: [StagedFile] = []
        var validators: [String: Downloader.Validators] = [:]
        var unchanged: [Int] = []
        for (index, file) in Syncer.files.enumerated() {
            let url = try self.url(file.path)
            let target = staging + "/" + (file.path as NSString).lastPathComponent
            let known = previous.validators[url.absoluteString]
            switch try await downloader.get(url, to: target, conditions: known) {
            case .notModified:
                validators[url.absoluteString] = known
                unchanged.append(index)
                staged.append(StagedFile(path: target, source: url.absoluteString, kind: file.kind, bytes: 0))
            case .saved(let bytes, let fresh):
                validators[url.absoluteString] = fresh
                progress(url.absoluteString, bytes)
                staged.append(StagedFile(path: target, source: url.absoluteString, kind: file.kind, bytes: bytes))
            }
        }
        if unchanged.count == Syncer.files.count, !needsAll { return nil }
        // The new knowledge base is built from every file: the unchanged ones are fetched in full too.
        for index in unchanged {
            let file = staged[index]
            guard let url = URL(string: file.source),
                case .saved(let bytes, let fresh) = try await downloader.get(url, to: file.path)
            else { throw SyncError(source: file.source, message: "answered 304 to an unconditional request") }
            validators[file.source] = fresh
            progress(file.source, bytes)
            staged[index] = StagedFile(path: file.path, source: file.source, kind: file.kind, bytes: bytes)
        }
        return (staged, validators)
    }

    private func url(_ path: String) throws -> URL {
        guard let url = URL(string: path, relativeTo: base)?.absoluteURL else {
            throw SyncError(source: base.absoluteString + path, message: "not a valid URL")
        }
        return url
    }
}
