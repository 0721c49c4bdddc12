import Foundation

/// HTTP GET into a file: conditional requests (`If-None-Match`, `If-Modified-Since`), `Retry-After` on 429 and
/// 503, redirects checked one by one (`RedirectRule`), and an access token sent only where its policy allows.
///
///     let downloader = Downloader(limits: SyncLimits(timeout: 30), userAgent: "graphperm/0.1.0")
///     try await downloader.get(url, to: "/tmp/x.json", conditions: .init(etag: "\"abc\""))  // .notModified
package struct Downloader: Sendable {
    /// What a server said about a file's version, for the next conditional request.
    package struct Validators: Sendable, Equatable, Codable {
        package var etag: String?
        package var lastModified: String?

        package init(etag: String? = nil, lastModified: String? = nil) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// An access token and where it may go.
    package struct Credential: Sendable {
        let token: String
        let policy: TokenPolicy

        package init(token: String, policy: TokenPolicy) {
            self.token = token
            self.policy = policy
        }
    }

    package enum Outcome: Sendable, Equatable {
        case notModified
        case saved(bytes: Int, validators: Validators)
    }

    package var limits: SyncLimits
    package var userAgent: String

    package init(limits: SyncLimits, userAgent: String) {
        self.limits = limits
        self.userAgent = userAgent
    }

    /// Fetches `url` into `file`. Errors name `url` (or the redirect that was refused), never `file` or a token.
    package func get(
        _ url: URL, to file: String, conditions: Validators? = nil,
        credential: Credential? = nil
    ) async throws -> Outcome {
        var current = url
        var redirects = 0
        var attempt = 1
        while true {
            if let credential, !credential.policy.allows(current) {
                throw SyncError(
                    source: current.absoluteString,
                    message: "refused to send the access token here: it goes only to \(credential.policy)")
            }
            let response = try await HTTPTransfer.run(
                request(current, conditions, credential), to: file, limits: limits)
            switch response.status {
            case 200:
                let validators = Validators(
                    etag: response.headers["etag"], lastModified: response.headers["last-modified"])
                return .saved(bytes: response.bytes, validators: validators)
            case 304 where conditions != nil:
                return .notModified
            case 301, 302, 303, 307, 308:
                current = try redirect(from: current, response, count: &redirects, credential: credential)
            case 429 where attempt < limits.maxAttempts, 503 where attempt < limits.maxAttempts:
                let asked = RetryAfter.seconds(response.headers["retry-after"]) ?? Double(attempt)
                try await Task.sleep(nanoseconds: UInt64(min(limits.maxRetryWait, max(0, asked)) * 1_000_000_000))
                attempt += 1
            case 429, 503:
                throw SyncError(
                    source: current.absoluteString,
                    message: "HTTP \(response.status) \(Self.reason(response.status)), still after \(attempt) attempts "
                        + "(each waited as Retry-After asked, at most \(Int(limits.maxRetryWait)) s)")
            default:
                let reason = Self.reason(response.status)
                throw SyncError(
                    source: current.absoluteString,
                    message: "HTTP \(response.status)" + (reason.isEmpty ? "" : " " + reason))
            }
        }
    }

    /// The reason phrase of the statuses a message names.
    static func reason(_ status: Int) -> String {
        switch status {
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 503: "Service Unavailable"
        default: ""
        }
    }

    private func request(_ url: URL, _ conditions: Validators?, _ credential: Credential?) -> HTTPRequest {
        var request = HTTPRequest(url: url)
        request.headers.append(("User-Agent", userAgent))
        request.headers.append(("Accept", "application/json"))
        request.headers.append(("Accept-Encoding", "gzip"))
        if let etag = conditions?.etag { request.headers.append(("If-None-Match", etag)) }
        if let date = conditions?.lastModified { request.headers.append(("If-Modified-Since", date)) }
        if let credential { request.headers.append(("Authorization", "Bearer " + credential.token)) }
        return request
    }

    private func redirect(
        from url: URL, _ response: HTTPResponse, count: inout Int,
        credential: Credential?
    ) throws -> URL {
        guard let location = response.headers["location"],
            let target = URL(string: location, relativeTo: url)?.absoluteURL
        else {
            throw SyncError(source: url.absoluteString, message: "HTTP \(response.status) without a usable Location")
        }
        count += 1
        guard count <= limits.maxRedirects else {
            throw SyncError(source: url.absoluteString, message: "more than \(limits.maxRedirects) redirects")
        }
        if let reason = RedirectRule.check(from: url, to: target, token: credential?.policy) {
            throw SyncError(
                source: url.absoluteString,
                message: "refused to follow \(reason): \(SyncError.excerpt(target.absoluteString))")
        }
        return target
    }
}
