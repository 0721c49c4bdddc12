import Foundation
import GraphPermCommandLine
import GraphPermKit

/// `least --batch`: one JSON result per input line, errors included, in order.
enum BatchLookup {
    static func run(_ kb: KnowledgeBase, scheme: Scheme?) throws {
        _ = try Failure.guarded { try kb.matcher() }
        var output = ""
        output.reserveCapacity(1 << 16)
        while let line = readLine(strippingNewline: true) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            output += result(for: text, kb, scheme: scheme) + "\n"
            if output.utf8.count > 1 << 16 {
                Console.output(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        Console.output(output)
    }

    static func result(for line: String, _ kb: KnowledgeBase, scheme: Scheme?) -> String {
        let request: (method: String, url: String)
        switch parse(line) {
        case .failure(let message):
            return JSONText.object([("request", JSONText.string(line)), ("error", JSONText.string(message))])
        case .success(let parsed):
            request = parsed
        }
        do {
            return try kb.least(method: request.method, target: request.url, scheme: scheme).json
        } catch {
            let requestJSON = JSONText.object([("method", JSONText.string(request.method)), ("url", JSONText.string(request.url))])
            return JSONText.object([("request", requestJSON), ("error", JSONText.string("\(error)"))])
        }
    }

    enum Parsed { case success((String, String)), failure(String) }

    static func parse(_ line: String) -> Parsed {
        if line.hasPrefix("{") {
            guard let value = try? JSONParser.parse(Array(line.utf8)), case .object(let object) = value,
                  case .string(let method)? = object["method"], case .string(let url)? = object["url"] else {
                return .failure("expected a JSON object with string members \"method\" and \"url\"")
            }
            return .success((method, url))
        }
        let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { return .failure("expected `METHOD URL` or a JSON object {\"method\": ..., \"url\": ...}") }
        return .success((String(parts[0]), String(parts[1]).trimmingCharacters(in: .whitespaces)))
    }
}
