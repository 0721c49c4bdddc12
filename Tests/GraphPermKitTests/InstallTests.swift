import Foundation
import Testing
@testable import GraphPermKit

/// The binary stands alone: copied away from its build folder, every command that reads a shipped file works.
@Suite(.serialized)
struct InstallTests {
    /// Runs `binary` with `arguments` in `folder`, which is also HOME; only PATH and LANG are passed on.
    static func run(_ binary: String, _ arguments: [String], in folder: String, stdin: String = "") throws -> CommandRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let inherited = ProcessInfo.processInfo.environment
        process.environment = ["HOME": folder, "PATH": inherited["PATH"] ?? "/usr/bin:/bin", "LANG": inherited["LANG"] ?? "C.UTF-8"]
        let input = Pipe(), output = Pipe(), error = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, error)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                                    stderr: String(decoding: err, as: UTF8.self))
    }

    @Test func aCopiedBinaryRunsEveryCommandWithNothingBesideIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let binary = folder.path + "/graphperm"
        try FileManager.default.copyItem(atPath: CommandRunner.binary, toPath: binary)
        // SwiftPM's resource bundle accessor is not compiled in: nothing is looked up in the build folder.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: binary))
        #expect(bytes.range(of: Data("GraphPermKit.resources".utf8)) == nil)

        let db = folder.path + "/kb.sqlite"
        let fixture = folder.path + "/mini-permissions.json"
        try FileManager.default.copyItem(atPath: TemporaryFolder.fixture("mini-permissions.json"), toPath: fixture)
        let commands: [[String]] = [
            ["load", fixture, "--db", db, "--format", "json"],
            ["queries", "--format", "json"],
            ["run", "security-api-least", "--db", db, "--format", "json"],
            ["least", "GET", "/me/messages", "--db", db, "--format", "json"],
            ["least", "GET", "/security/alerts", "--format", "json"],
            ["show", "Mail.Read", "--db", db, "--format", "json"],
            ["stats", "--db", db, "--format", "json"],
            ["sql", "SELECT path FROM provenance ORDER BY id", "--db", db, "--format", "csv"],
        ]
        for command in commands {
            let result = try Self.run(binary, command, in: folder.path)
            #expect(result.status == 0, "graphperm \(command.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "graphperm \(command.joined(separator: " ")) printed nothing")
        }
        let provenance = try Self.run(binary, ["sql", "SELECT path FROM provenance ORDER BY id", "--db", db, "--format", "csv"], in: folder.path)
        #expect(provenance.stdout.contains("embedded:Data/security-entities.csv\r\nembedded:Data/admin-roles.csv"))
        let queries = try Self.run(binary, ["queries", "--format", "csv"], in: folder.path)
        #expect(queries.stdout.contains("security-api-least,"))
        let schema = try Self.run(binary, ["repl", "--db", db], in: folder.path, stdin: ".schema\n")
        #expect(schema.status == 0 && schema.stdout.contains("CREATE TABLE permission"))
    }
}
