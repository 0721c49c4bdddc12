import Foundation
import Testing
import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermKit

/// Building a knowledge base from Microsoft's files or from the snapshot compiled in, all or nothing.
struct KnowledgeBaseBuildTests {
    static let mini = ["mini-permissions.json", "mini-service-principal.json"].map(TemporaryFolder.fixture)
    static let embeddedData = ["embedded:Data/security-entities.json", "embedded:Data/admin-roles.json"]

    @Test func aBuildFromFilesRecordsEachFileAndOpens() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/kb.sqlite"
        let facts = try KnowledgeBase.build(from: Self.mini, at: path)
        // The project's own data, compiled in, is recorded after the files.
        #expect(facts.provenance.map(\.path) == Self.mini + Self.embeddedData)
        #expect(facts.provenance.map(\.kind)
            == [.permissionsDocument, .servicePrincipal, .securityEntities, .adminRoles])
        let kb = try KnowledgeBase.open(path: path)
        let answer = try kb.least(method: "GET", target: "/me/messages", scheme: .delegatedWork)
        #expect(answer.schemes.first?.answer?.least == ["Mail.Read"])
    }

    @Test func aBuildFromAFolderReadsTheFilesInIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/data", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.mini[0], toPath: folder.path + "/data/permissions.json")
        let facts = try KnowledgeBase.build(from: [folder.path + "/data"], at: folder.path + "/kb.sqlite")
        #expect(facts.provenance.map(\.path) == [folder.path + "/data/permissions.json"] + Self.embeddedData)
        #expect(try KnowledgeBase.open(path: folder.path + "/kb.sqlite").permissionNames().contains("Mail.ReadWrite"))
    }

    @Test func aFailedBuildLeavesTheOldKnowledgeBaseAsItWas() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/kb.sqlite"
        try KnowledgeBase.build(from: Self.mini, at: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let broken = folder.file("broken.json", #"{"permissions": {"Mail.Read": {"schemes": 5}}}"#)
        #expect(throws: LoadError.self) { try KnowledgeBase.build(from: [broken], at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["broken.json", "kb.sqlite"])
    }

    @Test func aBuildFromTheSnapshotNeedsNoFiles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/kb.sqlite"
        let facts = try KnowledgeBase.buildFromSnapshot(at: path)
        let documents = facts.provenance.map(\.path).filter { !Self.embeddedData.contains($0) }
        #expect(!documents.isEmpty && documents.allSatisfy { $0.hasPrefix("embedded:snapshot/") }, "\(documents)")
        let kb = try KnowledgeBase.open(path: path)
        #expect(try kb.permissionNames().count > 500)
        let answer = try kb.least(method: "GET", target: "/users/42/messages", scheme: .application)
        #expect(answer.schemes.first?.answer?.least == ["Mail.ReadBasic.All"])
    }
}
