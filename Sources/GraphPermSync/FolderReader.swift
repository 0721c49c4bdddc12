import GraphPermStore
import Foundation
import GraphPermKit

/// `sync --from DIR`: copies the three files from a folder (Microsoft's layout, or the files side by side) into
/// the staging folder, refusing any larger than the limit before reading it.
struct FolderReader {
    let folder: String
    let maxBytes: Int

    func stage(into staging: String) throws -> [StagedFile] {
        try Syncer.files.map { file in
            let name = (file.path as NSString).lastPathComponent
            let candidates = [folder + "/" + file.path, folder + "/" + name]
            guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw SyncError(
                    source: candidates[1], message: "no such file in the mirror folder (nor at \(candidates[0]))")
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: found)[.size] as? Int) ?? 0
            guard size <= maxBytes else {
                throw SyncError(
                    source: found, message: "expected at most \(maxBytes) bytes, found \(size)", kind: .badContent)
            }
            let target = staging + "/" + name
            do {
                try FileManager.default.copyItem(atPath: found, toPath: target)
            } catch {
                throw SyncError(source: found, message: "cannot be read (\(error.localizedDescription))")
            }
            return StagedFile(path: target, source: found, kind: file.kind, bytes: size)
        }
    }

    /// Whether the knowledge base was built from exactly these files (by SHA-256, as its provenance records).
    static func matches(_ staged: [StagedFile], knowledgeBase: String) -> Bool {
        guard FileManager.default.fileExists(atPath: knowledgeBase),
            let files = try? KnowledgeBase.open(path: knowledgeBase).statistics().files
        else { return false }
        let embedded: Set<String> = [DocumentKind.securityEntities.rawValue, DocumentKind.adminRoles.rawValue]
        let loaded = files.filter { !embedded.contains($0.kind) }.map { "\($0.kind) \($0.sha256)" }.sorted()
        var digests: [String] = []
        for file in staged {
            guard let data = FileManager.default.contents(atPath: file.path) else { return false }
            digests.append("\(file.kind.rawValue) \(FileDigest.hex([UInt8](data)))")
        }
        return loaded == digests.sorted()
    }
}
