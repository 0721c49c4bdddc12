import Foundation

/// The calls an app makes, read from `METHOD URL` lines, JSON Lines `{"method": ..., "url": ...}`, or a HAR file.
///
///     try AppCalls.parse("GET /me\nPOST /me/sendMail\n", file: "calls.txt").map(\.method)  // ["GET", "POST"]
public enum AppCalls {
    public struct Call: Sendable, Equatable, Hashable {
        public let method: String
        public let url: String
    }

    public static func read(_ path: String) throws(LoadError) -> [Call] {
        let bytes = try SourceFile.read(URL(fileURLWithPath: path))
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String) throws(LoadError) -> [Call] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{"), let value = try? JSONParser.parse(Array(trimmed.utf8)), case .object(let root) = value, root["log"] != nil {
            return try har(JSONReader(value: value, file: file))
        }
        var calls: [Call] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("{") {
                let reader: JSONReader
                do {
                    reader = JSONReader(value: try JSONParser.parse(Array(line.utf8)), file: file, path: [.index(index)])
                } catch {
                    throw LoadError.data(file: file, place: "line \(index + 1)", message: "expected a JSON object {\"method\": ..., \"url\": ...} (\(error.message))")
                }
                calls.append(Call(method: try reader["method"].string(maxLength: 20).uppercased(), url: try reader["url"].string()))
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else {
                throw LoadError.data(file: file, place: "line \(index + 1)", message: "expected `METHOD URL`, found \"\(line.prefix(80))\"")
            }
            calls.append(Call(method: parts[0].uppercased(), url: parts[1].trimmingCharacters(in: .whitespaces)))
        }
        return calls
    }

    /// Microsoft Graph requests of a HAR file (`log.entries[].request`); other hosts are skipped.
    static func har(_ root: JSONReader) throws(LoadError) -> [Call] {
        var calls: [Call] = []
        for entry in try root["log"]["entries"].elements() {
            let url = try entry["request"]["url"].string()
            guard url.lowercased().contains("graph.microsoft") else { continue }
            calls.append(Call(method: try entry["request"]["method"].string(maxLength: 20).uppercased(), url: url))
        }
        return calls
    }
}
