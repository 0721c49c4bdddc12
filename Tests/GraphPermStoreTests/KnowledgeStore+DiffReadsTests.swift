import Foundation
import Testing
import GraphPermCore
@testable import GraphPermStore

/// The facts a diff compares, and knowledge bases built in memory from files to diff.
struct KnowledgeStoreDiffReadsTests {
    @Test func theFactsOfTheDocumentAreRead() throws {
        let facts = try MiniStore.shared.diffFacts()
        #expect(facts.permissions == facts.permissions.sorted())
        #expect(facts.permissions.contains("Mail.Read") && facts.permissions.contains("AI Administrator") == false)
        let mailRead = facts.schemes.filter { $0.permission == "Mail.Read" }
        #expect(mailRead.map(\.scheme) == [.delegatedWork, .application])
        #expect(mailRead.map(\.id) == ["570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "810c84a8-4a9e-49e6-bf7d-12d183f40d01"])
        #expect(mailRead.map(\.privilegeLevel) == [2, 3])
        // Only the permissions document's grants (none of the security table's), in insertion order.
        #expect(facts.grants.allSatisfy { !$0.template.hasPrefix("/security/") })
        let patch = facts.grants.filter { $0.method == "PATCH" && $0.scheme == .application }
        #expect(patch.map { "\($0.permission) \($0.template) \($0.isLeast)" } == [
            "User.EnableDisableAccount.All /users/{id} true", "User.ReadWrite.All /users/{id} false",
        ])
    }

    @Test func aStoreInMemoryMatchesTheFileBuiltFromTheSameInputs() throws {
        let inputs = [MiniStore.fixture("mini-permissions.json"), MiniStore.fixture("mini-service-principal.json")]
        let memory = try KnowledgeStore.inMemory(inputs: inputs.map(LoadInput.path), location: "new-data")
        #expect(memory.location == "new-data")
        #expect(try memory.diffFacts() == MiniStore.shared.diffFacts())
    }

    @Test func aMissingInputNamesTheFile() {
        let path = MiniStore.temporaryFolder() + "/gone.json"
        do {
            _ = try KnowledgeStore.inMemory(inputs: [.path(path)], location: "x")
            Issue.record("a missing file was read")
        } catch {
            #expect("\(error)".contains("gone.json"))
        }
    }
}
