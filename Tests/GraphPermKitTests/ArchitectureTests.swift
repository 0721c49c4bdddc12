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

    /// `graphperm` and the modules it links import FoundationEssentials; Foundation only where that is missing.
    @Test func theOneShotBinaryImportsFoundationEssentialsOnly() throws {
        var checked = 0
        for module in Self.linkedIntoGraphperm {
            for file in try Self.files(of: module) {
                let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                for (index, line) in lines.enumerated() where line.hasSuffix("import Foundation") {
                    checked += 1
                    let guarded = index >= 3 && lines[index - 1] == "#else"
                        && lines[index - 2] == "import FoundationEssentials"
                        && lines[index - 3] == "#if canImport(FoundationEssentials)"
                    #expect(guarded, "\(file.name):\(index + 1) imports Foundation where FoundationEssentials exists")
                }
                #expect(!file.text.contains("import FoundationNetworking"), "\(file.name) imports networking")
            }
        }
        #expect(checked > 10)
    }
}
