import Foundation

/// A client of `graphperm mcp` over stdio, as an MCP host runs it: starts the built binary, writes JSON-RPC
/// messages one per line and reads the answers, matched by id (the server may answer out of order).
final class MCPClient {
    private let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private var buffer = Data()
    /// Answers read while waiting for another id.
    private var unclaimed: [Int: [String: Any]] = [:]
    /// Every line the server wrote on stdout, in order.
    private(set) var lines: [String] = []
    private var nextID = 1

    /// Starts `graphperm mcp` with `arguments` after `mcp`.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["mcp"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["GRAPHPERM_DB"] = nil
        env["HOME"] = "/dev/null/graphperm-home-none"
        env["XDG_DATA_HOME"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, errors)
        try process.run()
    }

    /// Writes one line (a message, or anything else).
    func write(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Writes a notification (no id).
    func notify(_ method: String) {
        write(Self.json(["jsonrpc": "2.0", "method": method]))
    }

    /// Sends a request and returns its id, without waiting.
    @discardableResult
    func send(_ method: String, _ params: [String: Any]? = nil) -> Int {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["jsonrpc": "2.0", "id": id, "method": method]
        if let params { message["params"] = params }
        write(Self.json(message))
        return id
    }

    /// Sends a request and waits for its answer.
    func request(_ method: String, _ params: [String: Any]? = nil) throws -> [String: Any] {
        try answer(to: send(method, params))
    }

    /// `initialize` then `notifications/initialized`, as a client starts; the result of `initialize`.
    func initialize(version: String = "2025-06-18") throws -> [String: Any] {
        let answer = try request(
            "initialize",
            [
                "protocolVersion": version, "capabilities": [String: Any](),
                "clientInfo": ["name": "graphperm-tests", "version": "0"],
            ])
        notify("notifications/initialized")
        return answer
    }

    /// Calls a tool; the `result` of the answer.
    func callTool(_ name: String, _ arguments: [String: Any]) throws -> [String: Any] {
        let answer = try request("tools/call", ["name": name, "arguments": arguments])
        guard let result = answer["result"] as? [String: Any] else { throw ClientError("no result: \(answer)") }
        return result
    }

    /// Waits for the answer with `id` (10 s at most), keeping others for later.
    func answer(to id: Int) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let found = unclaimed.removeValue(forKey: id) { return found }
            guard let line = readLine() else { break }
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ClientError("not a JSON object on stdout: \(line)")
            }
            if let answerID = object["id"] as? Int { unclaimed[answerID] = object }
        }
        throw ClientError("no answer to request \(id)")
    }

    /// Closes stdin and waits for the server to end: its exit status, and what it wrote on stderr.
    func finish() throws -> (status: Int32, stderr: String) {
        try input.fileHandleForWriting.close()
        while let line = readLine() {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? Int
            {
                unclaimed[id] = object
            }
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// An answer read by `finish`.
    func collected(_ id: Int) -> [String: Any]? { unclaimed[id] }

    private func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer = Data(buffer[buffer.index(after: newline)...])
                lines.append(line)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    struct ClientError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
