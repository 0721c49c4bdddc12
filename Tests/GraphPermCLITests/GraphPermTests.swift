import ArgumentParser
import Testing
@testable import GraphPermCLI

/// The root command's parse: a one-shot subcommand read on its own, everything else (help, refusals, completion
/// requests, the helper programs' passthrough lines) read from the root, with the root's messages.
struct GraphPermTests {
    /// What the root parse makes of `arguments`: the command, or the message a user would see.
    static func rootParse(_ arguments: [String]) -> String {
        do {
            return String(describing: try GraphPerm.parseAsRoot(arguments))
        } catch {
            return GraphPerm.fullMessage(for: error)
        }
    }

    /// The same through `parseCommand`.
    static func parseCommand(_ arguments: [String]) -> String {
        do {
            return String(describing: try GraphPerm.parseCommand(arguments))
        } catch {
            return GraphPerm.fullMessage(for: error)
        }
    }

    @Test func aOneShotLineIsReadAsTheSubcommandWithItsValues() throws {
        let command = try #require(
            try GraphPerm.parseCommand(["least", "GET", "/me", "--scheme", "delegated", "--format", "json"])
                as? LeastCommand)
        #expect(command.method == "GET" && command.target == "/me" && command.scheme == "delegated")
        #expect(command.common.outputFormat == .json)
    }

    @Test(arguments: [
        ["least", "GET", "/me/messages"],
        ["show", "Mail.Read", "--format", "json"],
        ["table", "GET", "/security/alerts"],
        ["least", "GET"],
        ["least", "GET", "/me", "--bogus"],
        ["least", "--help"],
        ["show", "-h"],
        ["least", "GET", "/me", "--scheme", "admin"],
        ["least", "--generate-completion-script", "bash"],
        ["help", "least"],
        ["--version"],
    ])
    func everyLineMeansWhatTheRootMakesOfIt(arguments: [String]) {
        #expect(Self.parseCommand(arguments) == Self.rootParse(arguments))
    }

    @Test func aRefusalNamesTheWholeCommand() {
        let message = Self.parseCommand(["least", "GET", "/me", "--bogus"])
        #expect(message.contains("Unknown option '--bogus'"))
        #expect(message.contains("See 'graphperm least --help' for more information."))
    }

    @Test func aHelperProgramsLineStillAnswersACompletionRequest() {
        // sync passes its arguments through to graphperm-sync; read on its own, it would take the request as its own.
        #expect(Self.parseCommand(["sync", "--generate-completion-script", "bash"]).hasPrefix("#!/bin/bash"))
    }

    @Test func theSubcommandsReadOnTheirOwnNameGraphPermAsTheirSuperCommand() {
        let names = GraphPerm.configuration.subcommands.compactMap { $0.configuration._superCommandName }
        #expect(names.count == 16 && Set(names) == ["graphperm"])
    }
}
