import ArgumentParser
import Foundation
import Testing
@testable import GraphPermCLI
import GraphPermKit

/// What the shell completes: words every command accepts, saved query names, and permission names read from `--db`.
struct CompletionsTests {
    /// The words of a `.list` completion (ArgumentParser keeps them in a case of an internal enum).
    static func words(_ completion: CompletionKind) -> [String]? {
        guard let kind = Mirror(reflecting: completion).children.first?.value,
              let (label, value) = Mirror(reflecting: kind).children.first.map({ ($0.label, $0.value) }),
              label == "list" else { return nil }
        return value as? [String]
    }

    /// What the shell's completion script gets for `graphperm show --db DB WORD<Tab>`: the request ArgumentParser's
    /// scripts send, answered in this process.
    static func completions(db: String, word: String) -> [String] {
        let request = ["---completion", "show", "--", "positional@0", "4", "\(word.count)",
                       "graphperm", "show", "--db", db, word]
        do {
            _ = try GraphPerm.parseAsRoot(request)
            return ["(parsed as a command)"]
        } catch {
            return GraphPerm.fullMessage(for: error).split(separator: "\n").map(String.init)
        }
    }

    /// The fixtures of GraphPermKitTests, found from this file's place.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GraphPermKitTests/Fixtures")

    @Test func everySchemeWordOfferedIsAcceptedByLeastAndNeed() throws {
        let schemes = try #require(Self.words(.schemes))
        #expect(schemes == ["delegated", "work", "personal", "application", "delegated-work", "delegated-personal"])
        for scheme in schemes {
            #expect(Refusal.of(LeastCommand.self, ["GET", "/me", "--scheme", scheme]) == nil, "\(scheme)")
            #expect(Refusal.of(NeedCommand.self, ["calls.txt", "--scheme", scheme]) == nil, "\(scheme)")
        }
    }

    @Test func theMethodsOfferedAreTheDocumentedOnes() throws {
        #expect(Self.words(.httpMethods) == ["GET", "POST", "PUT", "PATCH", "DELETE"])
    }

    @Test func theSavedQueriesOfferedAreTheFilesOfQueries() throws {
        let queries = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Queries").path
        let files = try FileManager.default.contentsOfDirectory(atPath: queries).filter { $0.hasSuffix(".gpq") }
        let names = try #require(Self.words(.savedQueries))
        #expect(names.sorted() == files.map { String($0.dropLast(".gpq".count)) }.sorted())
        #expect(names.contains("security-api-least"))
    }

    @Test func permissionAndRoleNamesComeFromTheKnowledgeBaseNamedByDb() throws {
        let folder = NSTemporaryDirectory() + "graphperm-completions-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/kb.sqlite"
        try KnowledgeBase.build(
            from: ["mini-permissions.json", "mini-service-principal.json"].map {
                Self.fixtures.appendingPathComponent($0).path
            }, at: db)
        // The prefix matches in any letter case.
        #expect(Self.completions(db: db, word: "mail.re") == ["Mail.Read", "Mail.ReadWrite"])
        let roles = Self.completions(db: db, word: "Global")
        #expect(roles.contains("Global Administrator") && roles.allSatisfy { $0.hasPrefix("Global") }, "\(roles)")
        #expect(Self.completions(db: folder + "/absent.sqlite", word: "M") == [])
    }

    @Test(arguments: [
        (["graphperm", "show", "--db", "a.sqlite", "Mail"], "a.sqlite"),
        (["graphperm", "show", "--db=b.sqlite", "Mail"], "b.sqlite"),
        (["graphperm", "--db", "c.sqlite", "show", "M"], "c.sqlite"),
        (["graphperm", "show", "Mail", "--db"], nil),
        (["graphperm", "show", "Mail"], nil),
    ] as [([String], String?)])
    func theKnowledgeBaseIsTakenFromEitherFormOfDB(arguments: [String], expected: String?) {
        #expect(CompletionKind.databasePath(in: arguments) == expected)
    }
}
