import Foundation

/// The loopback server of the sync tests (`Support/sync_server.py`) on two ports of 127.0.0.1, and its request log.
final class SyncServer {
    static let python = "/usr/bin/python3"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    struct Request: Decodable {
        let port: Int
        let path: String
        let auth: Bool
        let ua: String
        let ae: String
    }

    let folder = TemporaryFolder()
    private let process = Process()
    private(set) var port = 0
    private(set) var otherPort = 0

    /// `export` is a tenant export folder the `/export…/` modes list as Graph would.
    init(data: String = SnapshotData.directory, export: String? = nil) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Support/sync_server.py"
        ).path
        let portFile = folder.path + "/port"
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [script, portFile, data, folder.path + "/requests.log"] + (export.map { [$0] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: portFile) { usleep(50_000) }
        let ports = (try String(contentsOfFile: portFile, encoding: .utf8)).split(separator: " ").compactMap { Int($0) }
        guard ports.count == 2 else { throw CocoaError(.fileReadCorruptFile) }
        (port, otherPort) = (ports[0], ports[1])
    }

    deinit {
        // SIGKILL, and no waiting: a test process may hand its children SIGTERM ignored, and waitUntilExit on a
        // cooperative thread can stall the test run; Foundation reaps the child.
        kill(process.processIdentifier, SIGKILL)
        folder.remove()
    }

    func url(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)/" }

    /// Every request the server has seen, in order.
    var requests: [Request] {
        guard let text = try? String(contentsOfFile: folder.path + "/requests.log", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Request.self, from: Data($0.utf8)) }
    }
}
