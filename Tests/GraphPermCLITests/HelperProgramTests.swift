import ArgumentParser
import Foundation
import Testing
@testable import GraphPermCLI

/// Handing a command over to a helper beside this binary: the binary's own place, exit 74 for a missing helper, and
/// `sync`, `mcp` and `serve` passing their whole line on as typed (options and help included).
struct HelperProgramTests {
    static let helperCommands: [any HelperCommand.Type] = [SyncCommand.self, MCPCommand.self, ServeCommand.self]

    @Test(arguments: helperCommands)
    func aHelperCommandPassesItsLineOnAsTyped(command: any HelperCommand.Type) throws {
        let line = ["--db", "kb.sqlite", "--no-such-option", "value", "-x", "--", "last"]
        #expect(try command.parse(line).arguments == line)
        #expect(try command.parse([]).arguments == [])
        #expect(Refusal.of(command, line) == nil)
        #expect(command.helper == "graphperm-" + command._commandName)
    }

    @Test(arguments: helperCommands)
    func helpIsTheHelpersNotGraphperms(command: any HelperCommand.Type) throws {
        let parsed = try GraphPerm.parseCommand([command._commandName, "--help"])
        let passed = try #require(parsed as? any HelperCommand)
        #expect(type(of: passed) == command && passed.arguments == ["--help"])
    }

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
