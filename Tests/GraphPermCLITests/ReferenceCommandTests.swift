import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm reference KIND`: which documents, where to write them, and only markdown.
struct ReferenceCommandTests {
    @Test(arguments: ["api", "permissions", "security", "roles", "tiers"])
    func everyKindIsRead(kind: String) throws {
        #expect(try ReferenceCommand.parse([kind]).kind.rawValue == kind)
    }

    @Test func anOutputFolderIsRead() throws {
        #expect(try ReferenceCommand.parse(["api", "--out", "docs"]).out == "docs")
    }

    @Test func anUnknownKindIsAUsageError() throws {
        let refusal = try #require(Refusal.of(ReferenceCommand.self, ["apis"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("apis"))
    }

    @Test func onlyMarkdownIsWritten() {
        #expect(Refusal.of(ReferenceCommand.self, ["api", "--format", "json"]) == .usage(
            "graphperm reference writes markdown documents: --format md, not json"))
        #expect(Refusal.of(ReferenceCommand.self, ["api", "--format", "md"]) == nil)
    }
}
