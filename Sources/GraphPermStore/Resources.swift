import GraphPermPlatform
import Synchronization
import GraphPermCore
import GraphPermJSON

/// The files that ship with the binary: `Schema/`, `Data/` and `Queries/`, compiled in (`EmbeddedResources`, written
/// by `Scripts/embed-resources.sh`), so a copied or installed binary needs nothing beside it. The application may
/// name a folder holding `Schema/`, `Data/` and `Queries/` to read instead (`useFolder`; the command line does for
/// `GRAPHPERM_RESOURCES`).
///
///     Resources.schemaDirectory.fileNames(withSuffix: ".sql")   // ["001_knowledge_base.sql", ...]
///     Resources.dataDirectory.location(of: "admin-roles.json")   // "embedded:Data/admin-roles.json"
package enum Resources {
    /// `Data/` (security entities, admin roles).
    package static var dataDirectory: ResourceFolder { folder("Data") }

    /// The saved queries, `Queries/*.gpq`.
    package static var queriesDirectory: ResourceFolder { folder("Queries") }

    /// `Schema/*.sql`.
    package static var schemaDirectory: ResourceFolder { folder("Schema") }

    /// Reads `Schema/`, `Data/` and `Queries/` from `path` instead of the compiled-in copies (nil: compiled in).
    package static func useFolder(_ path: String?) {
        override.withLock { $0 = path.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) } }
    }

    private static let override = Mutex<URL?>(nil)

    private static func folder(_ name: String) -> ResourceFolder {
        if let folder = override.withLock({ $0 }) {
            return ResourceFolder(directory: folder.appendingPathComponent(name))
        }
        return ResourceFolder(embedded: name)
    }
}

/// A folder of shipped files: compiled into the binary, or a folder on disk.
///
///     let data = ResourceFolder(embedded: "Data")
///     try data.bytes(of: "admin-roles.json").count   // 9346
///     data.location(of: "admin-roles.json")          // "embedded:Data/admin-roles.json"
package struct ResourceFolder: Sendable {
    private enum Source: Sendable {
        case embedded(String)
        case directory(URL)
    }

    private let source: Source

    /// The files compiled in under `name` (`Schema`, `Data` or `Queries`).
    package init(embedded name: String) { source = .embedded(name) }

    /// The files of a folder on disk.
    package init(directory: URL) { source = .directory(directory) }

    /// The names of the files directly inside whose names end with `suffix`, in name order.
    package func fileNames(withSuffix suffix: String = "") -> [String] {
        let names: [String]
        switch source {
        case .embedded(let folder):
            names = EmbeddedResources.files.compactMap { file in
                file.path.hasPrefix(folder + "/") ? String(file.path.dropFirst(folder.count + 1)) : nil
            }
        case .directory(let url):
            names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        }
        return names.filter { $0.hasSuffix(suffix) }.sorted()
    }

    /// Where a file is, as errors and the knowledge base's provenance name it: `embedded:Data/admin-roles.json`, or
    /// the file's path on disk.
    package func location(of name: String) -> String {
        switch source {
        case .embedded(let folder): return "embedded:\(folder)/\(name)"
        case .directory(let url): return url.appendingPathComponent(name).standardizedFileURL.path
        }
    }

    /// The bytes of a file, refused beyond `limit` bytes when read from disk.
    package func bytes(of name: String, limit: Int = 256 << 20) throws(LoadError) -> [UInt8] {
        switch source {
        case .embedded(let folder):
            guard let file = EmbeddedResources.files.first(where: { $0.path == "\(folder)/\(name)" }) else {
                throw LoadError.io(file: location(of: name), message: "no such file")
            }
            return Array(file.text.utf8)
        case .directory(let url):
            return try SourceFile.read(url.appendingPathComponent(name), limit: limit)
        }
    }

    /// The text of a file, which must be UTF-8.
    package func text(of name: String, limit: Int = 256 << 20) throws(LoadError) -> String {
        let bytes = try bytes(of: name, limit: limit)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError.data(file: location(of: name), place: "$", message: "expected UTF-8 text")
        }
        return text
    }
}

/// The risk-tier rules that ship with the binary (`Data/tiers.json`), read once.
package enum ShippedTiers {
    private static let loaded: Result<TierRules, LoadError> = Result { () throws(LoadError) in
        let folder = Resources.dataDirectory
        return try TierRules.parse(
            try folder.bytes(of: EmbeddedDataLoader.tiersFile), file: folder.location(of: EmbeddedDataLoader.tiersFile))
    }

    /// The rules, or the error that names the file and the place where they are wrong.
    package static func rules() throws(LoadError) -> TierRules { try loaded.get() }

    /// The tier of `name` in `scheme` by the shipped rules; nil only when the rules cannot be read.
    package static func tier(of name: String, scheme: Scheme) -> PermissionTier? {
        try? loaded.get().tier(of: name, scheme: scheme)
    }
}
