import Testing
@testable import GraphPermCLI
@testable import GraphPermStore

/// The version `--version` prints with the snapshot compiled in, and the User-Agent `sync` sends.
struct VersionTests {
    @Test func theVersionIsThreeNumbers() {
        let parts = GraphPermVersion.current.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) })
    }

    @Test func theUserAgentNamesTheProgramAndItsVersion() {
        #expect(GraphPermVersion.userAgent == "graphperm/" + GraphPermVersion.current)
    }

    @Test func theDescriptionNamesTheSnapshotAndItsAge() {
        let description = GraphPermVersion.description
        #expect(description.hasPrefix(GraphPermVersion.current + " (snapshot "))
        #expect(description.contains(Snapshot.summary))
        #expect(description.hasSuffix(" days old)"))
    }

}
