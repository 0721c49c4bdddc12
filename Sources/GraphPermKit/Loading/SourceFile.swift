import Foundation

/// Reading input files and describing where they came from.
enum SourceFile {
    static let maxSize = 256 * 1024 * 1024

    static func read(_ url: URL) throws(LoadError) -> [UInt8] {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError.io(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw LoadError.io(file: path, message: "expected a file, found a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw LoadError.io(file: path, message: "cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= maxSize else { throw LoadError.data(file: path, place: "$", message: "expected at most 256 MiB, found \(data.count) bytes") }
        return [UInt8](data)
    }

    /// Where a file came from; `sha256` when its digest was computed already.
    static func provenance(_ kind: DocumentKind, _ url: URL, _ bytes: [UInt8], sha256: String? = nil) -> Provenance {
        Provenance(kind: kind, path: url.standardizedFileURL.path, size: bytes.count, sha256: sha256 ?? SHA256.hex(bytes), loadedAt: Date())
    }

    /// The files a PATH names: itself, or the `*.json` files directly inside a folder, in name order.
    static func expand(_ path: String) throws(LoadError) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError.io(file: path, message: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [URL(fileURLWithPath: path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LoadError.io(file: path, message: "the folder cannot be listed (\(error.localizedDescription))")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { throw LoadError.io(file: path, message: "the folder holds no .json file") }
        return files.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }
}
