import Foundation

/// Runs the built `graphperm` binary and captures what it prints.
enum CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("graphperm").path
    }

    /// Runs the built `graphperm` with this process's environment, less any knowledge base or user data folder,
    /// plus `environment`.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
                    directory: String? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["GRAPHPERM_DB"] = nil
        // A HOME under a file: no per-user data folder can be made there, so no knowledge base is built from the
        // embedded snapshot (a test that wants first use passes a HOME of its own).
        env["HOME"] = "/dev/null/graphperm-home-none"
        env["XDG_DATA_HOME"] = nil
        for (key, value) in environment { env[key] = value }
        return try execute(binary, arguments, environment: env, directory: directory, stdin: stdin)
    }

    /// Runs `binary` with exactly `environment`.
    static func execute(_ binary: String, _ arguments: [String], environment: [String: String], directory: String?,
                        stdin: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.arguments = arguments
        process.environment = environment
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }
}
