#if !os(Linux)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange with URLSession (Apple platforms; Linux uses `CurlTransfer.swift`), bounded: it follows no
/// redirect (the caller decides), ends after `timeout` seconds in all
/// (a body trickling in is cut off too), and stops once the body passes `maxBytes` (counted after decompression).
/// The body is streamed to disk, never held in memory: a download task writes each piece to a file as it arrives
/// (in `NSTemporaryDirectory()`, which the executable points into the staging folder), and a 200 answer's file is
/// moved to `destination`. A data task would not do: its pieces queue up in memory faster than they are handled.
final class HTTPTransfer: NSObject, URLSessionDownloadDelegate, @unchecked Sendable {
    typealias Response = HTTPResponse

    private let lock = NSLock()
    private let destination: String
    private let limits: SyncLimits
    private let source: String
    private var stored = false
    private var failure: String?
    private var continuation: CheckedContinuation<Response, any Error>?

    private init(destination: String, limits: SyncLimits, source: String) {
        self.destination = destination
        self.limits = limits
        self.source = source
    }

    /// Sends `request`; a 200 answer's body ends up in `destination`.
    static func run(_ exchange: HTTPRequest, to destination: String, limits: SyncLimits) async throws -> Response {
        var request = URLRequest(
            url: exchange.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: limits.timeout)
        for (name, value) in exchange.headers { request.setValue(value, forHTTPHeaderField: name) }
        let transfer = HTTPTransfer(destination: destination, limits: limits, source: request.url?.absoluteString ?? "")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = limits.timeout
        configuration.timeoutIntervalForResource = limits.timeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        queue.underlyingQueue = DispatchQueue(label: "graphperm.sync.delegate")
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        let task = session.downloadTask(with: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                transfer.lock.withLock { transfer.continuation = continuation }
                DispatchQueue.global().asyncAfter(deadline: .now() + limits.timeout) { [weak task] in
                    transfer.fail("timed out after \(Self.seconds(limits.timeout)) (the limit for the whole request)")
                    task?.cancel()
                }
                task.resume()
            }
        } onCancel: {
            transfer.fail("cancelled")
            task.cancel()
        }
    }

    private func fail(_ message: String) {
        lock.withLock { if failure == nil { failure = message } }
    }

    func urlSession(
        _ session: URLSession, downloadTask: URLSessionDownloadTask, didWriteData bytesWritten: Int64,
        totalBytesWritten: Int64, totalBytesExpectedToWrite: Int64
    ) {
        // Nothing here may wait for the session's own queue (as `downloadTask.response` does): every piece that
        // arrives meanwhile is held in memory until this has run.
        if totalBytesExpectedToWrite > limits.maxBytes {
            fail("the answer has \(totalBytesExpectedToWrite) bytes, more than the limit of \(limits.maxBytes)")
            downloadTask.cancel()
        } else if totalBytesWritten > limits.maxBytes {
            fail("the answer is larger than the limit of \(limits.maxBytes) bytes (counted after decompression)")
            downloadTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, downloadTask: URLSessionDownloadTask, didFinishDownloadingTo location: URL) {
        defer { try? FileManager.default.removeItem(at: location) }
        guard (downloadTask.response as? HTTPURLResponse)?.statusCode == 200 else { return }
        try? FileManager.default.removeItem(atPath: destination)
        do {
            try FileManager.default.moveItem(at: location, to: URL(fileURLWithPath: destination))
            lock.withLock { stored = true }
        } catch {
            fail("the download cannot be stored (\(error.localizedDescription))")
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)  // the 3xx answer goes to the caller, which checks the new location first
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let (continuation, failure, stored) = lock.withLock {
            defer { self.continuation = nil }
            return (self.continuation, self.failure, self.stored)
        }
        guard let continuation else { return }
        if let failure { return continuation.resume(throwing: SyncError(source: source, message: failure)) }
        if let error { return continuation.resume(throwing: SyncError(source: source, message: describe(error))) }
        guard let response = task.response as? HTTPURLResponse else {
            return continuation.resume(throwing: SyncError(source: source, message: "no HTTP answer"))
        }
        var headers: [String: String] = [:]
        for case (let name as String, let value as String) in response.allHeaderFields {
            headers[name.lowercased()] = value
        }
        let received = Int(task.countOfBytesReceived)
        let encoded = headers["content-encoding"].map { !$0.isEmpty && $0.lowercased() != "identity" } ?? false
        if response.statusCode == 200, !encoded, let length = headers["content-length"].flatMap(Int.init),
            length != received
        {
            let cut = SyncError(source: source, message: "the body was cut short (\(received) of \(length) bytes)")
            return continuation.resume(throwing: cut)
        }
        if response.statusCode == 200, !stored {
            return continuation.resume(throwing: SyncError(source: source, message: "the body was not stored"))
        }
        continuation.resume(
            returning: Response(
                status: response.statusCode, headers: headers,
                bytes: response.statusCode == 200 ? received : 0))
    }

    private func describe(_ error: any Error) -> String {
        if let error = error as? URLError {
            switch error.code {
            case .timedOut: return "timed out after \(Self.seconds(limits.timeout))"
            case .notConnectedToInternet, .cannotConnectToHost, .cannotFindHost:
                return "the request failed (cannot reach the server: offline?)"
            case .networkConnectionLost: return "the request failed (the connection was lost)"
            default: return "the request failed (\(error.localizedDescription))"
            }
        }
        return "the request failed (\(error))"
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
#endif
