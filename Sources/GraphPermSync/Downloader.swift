import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why a download failed.
public struct SyncError: Error, Sendable, CustomStringConvertible {
    public let url: String
    public let message: String
    /// The content arrived but is wrong (exit 65); otherwise the transfer failed (exit 74).
    public var isBadContent = false

    public init(url: String, message: String, isBadContent: Bool = false) {
        self.url = url
        self.message = message
        self.isBadContent = isBadContent
    }
    public var description: String { "\(url): \(message)" }
}

/// HTTP GET with conditional requests (ETag / If-None-Match), `Retry-After` on 429 and 503, and a timeout.
public struct Downloader: Sendable {
    public enum Outcome: Sendable {
        case notModified
        case body(Data, etag: String?)
    }

    public var timeout: TimeInterval
    public var maxAttempts = 4
    public var maxRetryWait: TimeInterval = 30
    public var headers: [String: String] = [:]

    public init(timeout: TimeInterval) { self.timeout = timeout }

    public func get(_ url: URL, etag: String? = nil, progress: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> Outcome {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 4
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        for attempt in 1...maxAttempts {
            let data: Data
            let response: URLResponse
            do {
                (data, response) = try await session.data(for: request)
            } catch {
                throw SyncError(url: url.absoluteString, message: "the request failed (\(describe(error)))")
            }
            guard let http = response as? HTTPURLResponse else { throw SyncError(url: url.absoluteString, message: "not an HTTP response") }
            switch http.statusCode {
            case 200:
                if let expected = http.value(forHTTPHeaderField: "Content-Length").flatMap(Int.init), expected != data.count {
                    throw SyncError(url: url.absoluteString, message: "the body was cut short (\(data.count) of \(expected) bytes)")
                }
                progress(data.count)
                return .body(data, etag: http.value(forHTTPHeaderField: "ETag"))
            case 304:
                return .notModified
            case 429, 503 where attempt < maxAttempts:
                let wait = min(maxRetryWait, http.value(forHTTPHeaderField: "Retry-After").flatMap(Double.init) ?? Double(attempt))
                try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            default:
                throw SyncError(url: url.absoluteString, message: "HTTP \(http.statusCode) \(HTTPURLResponse.localizedString(forStatusCode: http.statusCode))")
            }
        }
        throw SyncError(url: url.absoluteString, message: "still refused after \(maxAttempts) attempts")
    }

    private func describe(_ error: any Error) -> String {
        if let error = error as? URLError {
            switch error.code {
            case .timedOut: return "timed out after \(Int(timeout)) s"
            case .notConnectedToInternet, .cannotConnectToHost, .cannotFindHost, .networkConnectionLost: return "cannot reach the server: offline?"
            default: return error.localizedDescription
            }
        }
        return "\(error)"
    }
}
