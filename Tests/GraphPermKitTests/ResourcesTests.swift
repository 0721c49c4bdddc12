import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The files compiled into the binary are those of `Schema/`, `Data/` and `Queries/`, byte for byte.
struct ResourcesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theEmbeddedFilesAreTheFilesOfTheRepository() throws {
        var onDisk: [String] = []
        for folder in ["Data", "Queries", "Schema"] {
            let url = Self.packageRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            // Files only: Data/snapshot/ is compiled in on its own (SnapshotTests).
            onDisk += names.filter { name in
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDirectory)
                return !name.hasPrefix(".") && !isDirectory.boolValue
            }.map { "\(folder)/\($0)" }
        }
        let embedded = EmbeddedResources.files.map(\.path)
        #expect(embedded == onDisk.sorted(),
                "run Scripts/embed-resources.sh: the embedded files are not those of Schema/, Data/ and Queries/")
        for file in EmbeddedResources.files where onDisk.contains(file.path) {
            let bytes = try Data(contentsOf: Self.packageRoot.appendingPathComponent(file.path))
            #expect(Array(file.text.utf8) == Array(bytes),
                    "run Scripts/embed-resources.sh: \(file.path) changed since it was embedded")
        }
    }

    @Test func aFileIsNamedByWhereItComesFrom() throws {
        let data = ResourceFolder(embedded: "Data")
        #expect(data.fileNames(withSuffix: ".json") == ["admin-roles.json", "security-entities.json", "tiers.json"])
        #expect(data.location(of: "admin-roles.json") == "embedded:Data/admin-roles.json")
        #expect(try data.text(of: "admin-roles.json").hasPrefix("{\n \"about\": "))
        #expect(throws: LoadError.io(file: "embedded:Data/none.csv", message: "no such file")) {
            try data.bytes(of: "none.csv")
        }
        #expect(ResourceFolder(embedded: "Schema").fileNames(withSuffix: ".sql").first == "001_knowledge_base.sql")
    }

    @Test func theKnowledgeBaseRecordsTheEmbeddedFilesAsEmbedded() throws {
        let facts = try KnowledgeLoader.gather(paths: [], dataDirectory: Resources.dataDirectory)
        #expect(facts.provenance.map(\.path)
            == ["embedded:Data/security-entities.json", "embedded:Data/admin-roles.json"])
    }
}
