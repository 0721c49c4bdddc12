import GraphPermPlatform
import GraphPermJSON

/// The calls an app makes, read from `METHOD URL` lines, JSON Lines `{"method": ..., "url": ...}`, or a HAR file.
///
///     try AppCalls.parse("GET /me\nPOST /me/sendMail\n", file: "calls.txt").map(\.method)  // ["GET", "POST"]
public enum AppCalls {
    /// One request: its method and URL as written (`GET`, `https://graph.microsoft.com/v1.0/me`).
    public struct Call: Sendable, Equatable, Hashable {
        /// The HTTP method, upper-cased: `GET`.
        public let method: String
        /// The URL or path as written: `/me/messages`.
        public let url: String

        package init(method: String, url: String) {
            self.method = method
            self.url = url
        }
    }

    /// The calls in `text`, read from `file` (named in errors): lines, JSON Lines or a HAR document.
    public static func parse(_ text: String, file: String) throws(LoadError) -> [Call] {
        let trimmed = text.trimmed()
        if trimmed.hasPrefix("{"), let value = try? JSONParser.parse(Array(trimmed.utf8)),
           case .object(let root) = value, root["log"] != nil {
            return try har(JSONReader(value: value, file: file))
        }
        var calls: [Call] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmed()
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("{") {
                let reader: JSONReader
                do {
                    reader = JSONReader(
                        value: try JSONParser.parse(Array(line.utf8)), file: file, path: [.index(index)])
                } catch {
                    throw LoadError.data(
                        file: file, place: "line \(index + 1)",
                        message: "expected a JSON object {\"method\": ..., \"url\": ...} (\(error.message))")
                }
                calls.append(Call(
                    method: try reader["method"].string(maxLength: 20).uppercased(), url: try reader["url"].string()))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                throw LoadError.data(
                    file: file, place: "line \(index + 1)",
                    message: "expected `METHOD URL`, found \"\(line.prefix(80))\"")
            }
            calls.append(Call(method: parts[0].uppercased(), url: parts[1].trimmed()))
        }
        return calls
    }

    /// The requests of a HAR file (`log.entries[].request`): CORS preflights (`OPTIONS`) and `HEAD` requests are
    /// left out, and a Graph `$batch` request stands for the requests in its body. Requests to other hosts are
    /// kept: a lookup refuses them as not Microsoft Graph, and `need` lists them apart.
    package static func har(_ root: JSONReader) throws(LoadError) -> [Call] {
        var calls: [Call] = []
        for entry in try root["log"]["entries"].elements() {
            let request = entry["request"]
            let url = try request["url"].string()
            let method = try request["method"].string(maxLength: 20).uppercased()
            if method == "OPTIONS" || method == "HEAD" { continue }
            let path = RequestPath(url)
            if method == "POST", path.normalized == ["$batch"],
               let body = try request["postData"]["text"].optionalString(),
               let inner = batchRequests(body, batchURL: url) {
                calls += inner
                continue
            }
            calls.append(Call(method: method, url: url))
        }
        return calls
    }

    /// The URL before its last `/$batch` (any case), or "" when it has none.
    static func beforeLastBatchSegment(_ url: String) -> String {
        let bytes = Array(url.utf8)
        let needle = Array("/$batch".utf8)
        guard bytes.count >= needle.count else { return "" }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where zip(bytes[start...], needle).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
            return String(decoding: bytes[..<start], as: UTF8.self)
        }
        return ""
    }

    /// The requests of a JSON `$batch` body, made absolute against the batch URL's version (nil: not a batch body).
    package static func batchRequests(_ body: String, batchURL: String) -> [Call]? {
        guard case .object(let root)? = try? JSONParser.parse(Array(body.utf8)),
              case .array(let requests)? = root["requests"] else {
            return nil
        }
        let base = Self.beforeLastBatchSegment(batchURL)
        return requests.compactMap { request in
            guard case .object(let object) = request, case .string(let method)? = object["method"],
                  case .string(let url)? = object["url"] else { return nil }
            let absolute = url.contains("://") ? url : base + (url.hasPrefix("/") ? url : "/" + url)
            return Call(method: method.uppercased(), url: absolute)
        }
    }
}
