import Foundation
import GraphPermKit

/// A `{"value": [...]}` document written item by item, so that a large collection is never held whole in memory.
///
///     let file = try ValueArrayFile(path: "/tmp/x.json", source: "https://graph.microsoft.com/v1.0/...")
///     try file.append(.object(JSONObject([("id", .string("1"))])))
///     try file.finish()   // {"value": [\n{"id":"1"}\n]}
final class ValueArrayFile {
    private let handle: FileHandle
    private let source: String
    private(set) var count = 0

    init(path: String, source: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data("{\"value\": [".utf8)),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            let reason = String(cString: strerror(errno))
            throw SyncError(source: source, message: "the export cannot be stored (\(reason))")
        }
        handle.seekToEndOfFile()
        self.handle = handle
        self.source = source
    }

    func append(_ item: JSONValue) throws {
        try write((count == 0 ? "\n" : ",\n") + JSONValueText.render(item))
        count += 1
    }

    /// Closes the array and the file, flushed to disk.
    func finish() throws {
        try write("\n]}\n")
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw SyncError(source: source, message: "the export cannot be stored (\(error.localizedDescription))")
        }
    }

    private func write(_ text: String) throws {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw SyncError(source: source, message: "the export cannot be stored (\(error.localizedDescription))")
        }
    }
}
