import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// Reading input files and describing where they came from.
package enum SourceFile {
    package static let maxSize = 256 * 1024 * 1024

    /// The bytes of `url`, refused before reading when the file is larger than `limit` (its size is asked of the
    /// file system first), and read no further than `limit` bytes when it has no size (a pipe or a device).
    package static func read(_ url: URL, limit: Int = maxSize) throws(LoadError) -> [UInt8] {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "no such file" : "cannot be read (\(String(cString: strerror(errno))))"
            throw LoadError.io(file: path, message: reason)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LoadError.io(file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
        }
        let kind = status.st_mode & S_IFMT
        guard kind != S_IFDIR else { throw LoadError.io(file: path, message: "expected a file, found a folder") }
        let size = kind == S_IFREG ? Int(status.st_size) : 0
        guard size <= limit else { throw tooLarge(path, limit: limit, found: "\(size) bytes") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(size + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { POSIX.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw LoadError.io(file: path, message: "cannot be read (\(String(cString: strerror(errno))))")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= limit else { throw tooLarge(path, limit: limit, found: "more") }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func tooLarge(_ path: String, limit: Int, found: String) -> LoadError {
        let mebibytes = limit / (1024 * 1024)
        let expected = mebibytes > 0 ? "\(mebibytes) MiB" : "\(limit) bytes"
        return LoadError.data(file: path, place: "$", message: "expected at most \(expected), found \(found)")
    }

    /// Where a file came from; `sha256` when its digest was computed already.
    package static func provenance(_ kind: DocumentKind, _ url: URL, _ bytes: [UInt8],
                                   sha256: String? = nil) -> Provenance {
        provenance(kind, path: url.standardizedFileURL.path, bytes, sha256: sha256)
    }

    /// Where a file came from, by a path as it is shown (`embedded:Data/admin-roles.json` for a file compiled in).
    package static func provenance(_ kind: DocumentKind, path: String, _ bytes: [UInt8],
                                   sha256: String? = nil) -> Provenance {
        Provenance(kind: kind, path: path, size: bytes.count, sha256: sha256 ?? FileDigest.hex(bytes), loadedAt: Date())
    }

    /// The files a PATH names: itself, or the `*.json` files directly inside a folder, in name order.
    package static func expand(_ path: String) throws(LoadError) -> [URL] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw LoadError.io(file: path, message: "no such file or folder") }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [URL(fileURLWithPath: path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw LoadError.io(file: path, message: "the folder cannot be listed (\(error))")
        }
        let files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted()
        guard !files.isEmpty else { throw LoadError.io(file: path, message: "the folder holds no .json file") }
        return files.map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }
}
