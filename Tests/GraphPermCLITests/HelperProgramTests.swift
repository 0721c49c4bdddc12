import ArgumentParser
import Foundation
import Testing
@testable import GraphPermCLI

/// Handing a command over to a helper beside this binary: the binary's own place, and exit 74 for a missing helper.
struct HelperProgramTests {
    @Test func theOwnPathIsThisRunningProgramsFile() throws {
        let own = HelperProgram.ownPath
        #expect(own.hasPrefix("/"))
        #expect(FileManager.default.isExecutableFile(atPath: own))
        let started = try #require(realpath(CommandLine.arguments[0], nil))
        defer { free(started) }
        #expect(own == String(cString: started))
    }

    @Test func aMissingHelperEndsWithExit74() {
        #expect(throws: ExitCode(74)) {
            try HelperProgram.exec("graphperm-no-such-helper-\(UUID().uuidString)", arguments: ["--help"])
        }
    }
}
