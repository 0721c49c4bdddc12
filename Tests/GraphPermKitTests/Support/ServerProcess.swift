import Foundation
import Synchronization

/// The built `graphperm-serve` (or `graphperm serve`) running on a free loopback port, as a user starts it, and an
/// HTTP client for it (curl, as a script would call it).
final class ServerProcess {
    let process = Process()
    let port: Int
    /// Everything the server printed on stderr up to the moment it listened.
    let startupOutput: String

    /// A response: status, headers (names in lower case) and body.
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    static var binary: String {
        URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent().appendingPathComponent("graphperm-serve")
            .path
    }

    /// Starts the server with `arguments` (plus `--port 0`) and waits until it says which port it took.
    init(_ arguments: [String], executable: String = ServerProcess.binary, prefix: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = prefix + arguments + ["--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = "/dev/null/graphperm-home-none"
        environment["XDG_DATA_HOME"] = nil
        environment["GRAPHPERM_DB"] = nil
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var seen = ""
        var found: Int? = nil
        let deadline = Date().addingTimeInterval(60)
        let handle = errors.fileHandleForReading
        while found == nil, Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
            if let range = seen.range(of: #"http://[^ ]+:([0-9]+)/"#, options: .regularExpression) {
                let address = seen[range].dropLast()
                found = Int(address[address.index(after: address.lastIndex(of: ":")!)...])
            }
        }
        startupOutput = seen
        guard let found else {
            process.terminate()
            throw ServerError(message: "the server did not start: \(seen)")
        }
        port = found
    }

    struct ServerError: Error { let message: String }

    /// Stops the server (SIGTERM, as Ctrl-C would) and waits for it.
    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// `method path` with an optional body, through curl.
    func request(_ method: String, _ path: String, body: String? = nil, contentType: String? = nil) throws -> Reply {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = ["-s", "-i", "-g", "--path-as-is", "--max-time", "60", "-X", method]
        if let contentType { arguments += ["-H", "Content-Type: \(contentType)"] }
        if body != nil { arguments += ["--data-binary", "@-"] }
        curl.arguments = arguments + ["http://127.0.0.1:\(port)\(path)"]
        let input = Pipe(), output = Pipe()
        curl.standardInput = input
        curl.standardOutput = output
        try curl.run()
        input.fileHandleForWriting.write(Data((body ?? "").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw ServerError(message: "no HTTP answer: \(text)") }
        let head = text[..<split.lowerBound].split(separator: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    /// A GET.
    func get(_ path: String) throws -> Reply { try request("GET", path) }

    /// `text` percent-encoded for a query parameter.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
