#if os(Linux)
import Foundation

/// One HTTP exchange with libcurl's easy interface (Linux), bounded inside curl's own loop: no redirect followed
/// (the caller decides), `timeout` seconds for the whole request, only http and https, and the body written to
/// `destination` piece by piece, aborted the moment it passes `maxBytes` after decompression (a gzip bomb stops
/// at the limit). URLSession on Linux cannot stop a fast body: its pieces queue up in memory behind the transfer.
enum HTTPTransfer {
    /// Sends `request`; a 200 answer's body ends up in `destination`.
    static func run(_ request: HTTPRequest, to destination: String, limits: SyncLimits) async throws -> HTTPResponse {
        let source = request.url.absoluteString
        let curl = try Curl.shared(source: source)
        let exchange = CurlExchange(destination: destination, maxBytes: limits.maxBytes)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        with: Result {
                            try exchange.perform(request, curl: curl, timeout: limits.timeout, source: source)
                        })
                }
            }
        } onCancel: {
            exchange.cancel()
        }
    }
}

/// The state of one transfer that curl's callbacks (C functions) reach through their user-data pointer.
final class CurlExchange: @unchecked Sendable {
    let destination: String
    let maxBytes: Int
    private let lock = NSLock()
    private var cancelled = false
    var file: FileHandle?
    var received = 0
    var tooLarge = false
    var writeFailure: String?
    var headerLines: [String] = []

    init(destination: String, maxBytes: Int) {
        self.destination = destination
        self.maxBytes = maxBytes
    }

    func cancel() { lock.withLock { cancelled = true } }
    var isCancelled: Bool { lock.withLock { cancelled } }

    /// The status of the last answer curl read (after any `100 Continue`).
    var status: Int {
        guard let line = headerLines.last(where: { $0.hasPrefix("HTTP/") }) else { return 0 }
        return line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    }

    var headers: [String: String] {
        var result: [String: String] = [:]
        let start = headerLines.lastIndex(where: { $0.hasPrefix("HTTP/") }) ?? 0
        for line in headerLines[start...] {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            result[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return result
    }

    /// Runs the request on this thread (curl blocks) and returns what came back.
    func perform(_ request: HTTPRequest, curl: Curl, timeout: TimeInterval, source: String) throws -> HTTPResponse {
        defer { try? file?.close() }
        let code = try curl.perform(request, exchange: self, timeout: timeout)
        if tooLarge {
            throw SyncError(
                source: source,
                message: "the answer is larger than the limit of \(maxBytes) bytes "
                    + "(counted after decompression)")
        }
        if let writeFailure { throw SyncError(source: source, message: writeFailure) }
        if isCancelled { throw SyncError(source: source, message: "cancelled") }
        switch code {
        case 0: break
        case 28:
            throw SyncError(
                source: source, message: "timed out after \(Curl.seconds(timeout)) (the limit for the whole request)")
        case 6, 7: throw SyncError(source: source, message: "the request failed (cannot reach the server: offline?)")
        case 63:
            throw SyncError(source: source, message: "the answer declares more than the limit of \(maxBytes) bytes")
        default: throw SyncError(source: source, message: "the request failed (\(curl.describe(code)))")
        }
        if status == 200, file == nil, !FileManager.default.createFile(atPath: destination, contents: nil) {
            throw SyncError(
                source: source, message: "the download cannot be stored (\(String(cString: strerror(errno))))")
        }
        return HTTPResponse(status: status, headers: headers, bytes: status == 200 ? received : 0)
    }

    /// Stores a piece of a 200 answer's body; false stops the transfer.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        received += bytes.count
        if received > maxBytes {
            tooLarge = true
            return false
        }
        guard status == 200 else { return true }
        if file == nil {
            guard FileManager.default.createFile(atPath: destination, contents: nil),
                let handle = FileHandle(forWritingAtPath: destination)
            else {
                writeFailure = "the download cannot be stored (\(String(cString: strerror(errno))))"
                return false
            }
            file = handle
        }
        do {
            try file?.write(contentsOf: Data(bytes))
            return true
        } catch {
            writeFailure = "the download cannot be stored (\(error.localizedDescription))"
            return false
        }
    }

    func header(_ line: String) {
        if line.hasPrefix("HTTP/") { received = 0 }
        headerLines.append(line)
    }
}
#endif
