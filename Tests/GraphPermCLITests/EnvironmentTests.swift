import Foundation
import Testing
@testable import GraphPermCLI

/// One environment variable's value, where a variable that is set but empty counts as unset.
struct EnvironmentTests {
    /// Variables of this test alone, set once: `…_SET` to a value, `…_EMPTY` to "".
    static let prefix: String = {
        let prefix = "GRAPHPERM_ENVIRONMENT_TEST_\(ProcessInfo.processInfo.processIdentifier)"
        setenv(prefix + "_SET", "/tmp/kb with spaces.sqlite", 1)
        setenv(prefix + "_EMPTY", "", 1)
        return prefix
    }()

    @Test func aSetVariableGivesItsValueAsIs() {
        #expect(Environment.value(Self.prefix + "_SET") == "/tmp/kb with spaces.sqlite")
    }

    @Test func anEmptyVariableCountsAsUnset() {
        #expect(Environment.value(Self.prefix + "_EMPTY") == nil)
    }

    @Test func anUnsetVariableIsNil() {
        #expect(Environment.value(Self.prefix + "_NEVER_SET") == nil)
    }
}
