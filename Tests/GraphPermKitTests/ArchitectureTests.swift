import Foundation
import Testing

/// The layers the README's architecture section promises, read from the sources themselves.
struct ArchitectureTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// The Swift files of a module folder, with their text.
    static func files(of module: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(module)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var files: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append((module + "/" + url.path.dropFirst(folder.path.count + 1), try String(contentsOf: url)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    static let linkedIntoGraphperm = [
        "GraphPermQuery", "GraphPermJSON", "GraphPermCore", "GraphPermStore", "GraphPermKit", "GraphPermCLI",
        "graphperm",
    ]

    @Test func onlyTheStoreTouchesSQLite() throws {
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).sorted()
        #expect(modules.contains("GraphPermStore"))
        for module in modules where module != "GraphPermStore" && module != "CSQLite" {
            for file in try Self.files(of: module) {
                #expect(!file.text.contains("import CSQLite"), "\(file.name) imports SQLite")
                #expect(!file.text.contains("sqlite3_"), "\(file.name) calls SQLite")
            }
        }
    }

    /// `graphperm` and the modules it links import Foundation's essentials through GraphPermPlatform, never
    /// Foundation itself, whose ICU data alone is 34 MB.
    @Test func theOneShotBinaryImportsFoundationEssentialsOnly() throws {
        let platform = try Self.files(of: "GraphPermPlatform").map(\.text).joined()
        #expect(platform.contains("#if canImport(FoundationEssentials)\n@_exported import FoundationEssentials\n#else"))
        var files = 0
        for module in Self.linkedIntoGraphperm {
            for file in try Self.files(of: module) {
                files += 1
                for line in file.text.split(separator: "\n") where line.hasPrefix("import Foundation")
                    || line.hasPrefix("@_exported import Foundation") || line.contains(" import Foundation") {
                    Issue.record("\(file.name): \(line) (import GraphPermPlatform instead)")
                }
            }
        }
        #expect(files > 100)
    }
}
