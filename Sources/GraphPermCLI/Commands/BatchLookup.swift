import GraphPermPlatform
import GraphPermCLI
import GraphPermKit

/// `least --batch`: one JSON result per input line, errors included, in order.
enum BatchLookup {
    static func run(_ kb: KnowledgeBase, schemes: Set<Scheme>?) throws {
        // The process ends with the batch: its caches (every answer given) are left to the exit rather than freed
        // one by one, which took about a seventh of a 100,000-line batch.
        _ = Unmanaged.passRetained(kb)
        _ = try kb.matcher()
        var input = LineChunks()
        var seen = 0
        while let lines = (try input.next()) {
            seen += lines.count
            if seen >= preloadThreshold { try kb.preloadGrants() }
            Console.output(results(for: lines, kb, schemes: schemes))
        }
    }

    /// From this many lines on, every grant is read in one query (about 40 ms) instead of template by template.
    static let preloadThreshold = 1_000

    /// The result lines for `lines`, in order; a large chunk is shared out among the processor cores.
    static func results(for lines: [String], _ kb: KnowledgeBase, schemes: Set<Scheme>?) -> String {
        let workers = lines.count >= 256 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let share = (lines.count + workers - 1) / workers
        let shares = (0..<workers).map { lines[min(lines.count, $0 * share)..<min(lines.count, ($0 + 1) * share)] }
        return shares.concurrentMap { share in
            var text = ""
            for line in share {
                let request = trimmed(line[...])
                if !request.isEmpty { text += result(for: request, kb, schemes: schemes) + "\n" }
            }
            return text
        }.joined()
    }

    static func result(for line: String, _ kb: KnowledgeBase, schemes: Set<Scheme>?) -> String {
        let request: (method: String, url: String)
        switch parse(line) {
        case .failure(let message):
            return JSONText.object([("request", JSONText.string(line)), ("error", JSONText.string(message))])
        case .success(let parsed):
            request = parsed
        }
        do {
            return try kb.least(method: request.method, target: request.url, schemes: schemes).json
        } catch {
            let requestJSON = JSONText.object([
                ("method", JSONText.string(request.method)), ("url", JSONText.string(request.url)),
            ])
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
        // Split on the first space, by bytes (splitting by characters costs more than the lookup).
        let bytes = line.utf8
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")), space != bytes.startIndex,
              case let url = trimmed(line[bytes.index(after: space)...]), !url.isEmpty else {
            return .failure("expected `METHOD URL` or a JSON object {\"method\": ..., \"url\": ...}")
        }
        return .success((String(line[..<space]), url))
    }

    /// Without spaces and tabs at either end (byte-wise: Foundation's trimming costs more than a lookup).
    static func trimmed(_ text: Substring) -> String {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = text.utf8
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return String(text[first...last])
    }
}
