import Foundation
import Testing
@testable import GraphPermCLI

/// One environment variable's value, where a variable that is set but empty counts as unset.
struct EnvironmentTests {
    /// A variable of this test alone, set once to "" (one setenv, so the C library's table grows at most once).
    static let empty: String = {
        let name = "GRAPHPERM_ENVIRONMENT_TEST_EMPTY_\(ProcessInfo.processInfo.processIdentifier)"
        setenv(name, "", 1)
        return name
    }()

    @Test(.enabled(if: getenv("PATH") != nil, "PATH is not set here"))
    func aSetVariableGivesItsValueAsTheCLibrarySeesIt() throws {
        let path = String(cString: try #require(getenv("PATH")))
        #expect(!path.isEmpty && Environment.value("PATH") == path)
    }

    @Test func anEmptyVariableCountsAsUnset() {
        #expect(getenv(Self.empty) != nil)
        #expect(Environment.value(Self.empty) == nil)
    }

    @Test func anUnsetVariableIsNil() {
        #expect(Environment.value("GRAPHPERM_ENVIRONMENT_TEST_NEVER_SET_\(UUID().uuidString)") == nil)
    }
}
