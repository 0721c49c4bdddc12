import GraphPermPlatform
import GraphPermStore
import GraphPermKit

/// A saved query: a file of statements whose leading `--` comment lines describe it.
package struct SavedQuery: Sendable, Equatable {
    package let name: String
    package let description: String
    package let text: String

    /// The saved queries shipped in `Queries/`, by name.
    package static func all(in directory: ResourceFolder = Resources.queriesDirectory) -> [SavedQuery] {
        directory.fileNames(withSuffix: ".gpq").compactMap { name in
            guard let text = try? directory.text(of: name, limit: 1 << 20) else { return nil }
            return SavedQuery(name: String(name.dropLast(".gpq".count)), text: text)
        }
    }

    /// A query by its name (`security-api-least`) or a file path.
    package static func find(
        _ nameOrPath: String, in directory: ResourceFolder = Resources.queriesDirectory
    ) throws -> SavedQuery {
        if FileManager.default.fileExists(atPath: nameOrPath) { return try load(URL(fileURLWithPath: nameOrPath)) }
        if let query = all(in: directory).first(where: { $0.name == nameOrPath }) { return query }
        let names = all(in: directory).map(\.name)
        throw LookupError.unknownEntity(nameOrPath, suggestions: Suggestions.nearest(nameOrPath, in: names, limit: 3))
    }

    static func load(_ url: URL) throws -> SavedQuery {
        // Bounded like a statement (a file of gigabytes, or a device, is refused), and UTF-8 or refused.
        let bytes = try SourceFile.read(url, limit: 1 << 20)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError.data(
                file: url.path, place: "$", message: "expected UTF-8 text (statements of the query language)")
        }
        return SavedQuery(name: url.deletingPathExtension().lastPathComponent, text: text)
    }
}

extension SavedQuery {
    /// A query from its text, described by its leading `--` lines.
    init(name: String, text: String) {
        let description = text.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("--") }
            .map { $0.dropFirst(2).trimmed() }
            .joined(separator: " ")
        self.init(name: name, description: description, text: text)
    }
}
