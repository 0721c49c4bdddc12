import Foundation
import Logging
import MCP

/// Standard input and output as an MCP transport that keeps count of the requests still unanswered, so that the
/// server can answer all of them before it exits when standard input closes (the SDK answers each request in a task
/// of its own and stops reading at end of input without waiting for them). A line that is not JSON is answered here
/// with a parse error whose `id` is null, as JSON-RPC requires.
actor DrainingTransport: Transport {
    private let inner: StdioTransport
    /// The ids of requests read and not yet answered (`s:` strings, `n:` numbers).
    private var pending: Set<String> = []

    nonisolated var logger: Logger { inner.logger }

    init(_ inner: StdioTransport = StdioTransport()) { self.inner = inner }

    func connect() async throws { try await inner.connect() }

    func disconnect() async { await inner.disconnect() }

    func send(_ data: Data) async throws {
        try await inner.send(data)
        for id in Self.answeredIDs(in: data) { pending.remove(id) }
    }

    nonisolated func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await data in await inner.receive() {
                        if await admit(data) { continuation.yield(data) }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Waits until every request read has been answered, or `timeout` has passed.
    func drain(timeout: Duration = .seconds(60)) async {
        let deadline = ContinuousClock.now + timeout
        while !pending.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Notes the requests in a line read; answers a line that is not JSON itself (false: not passed on).
    private func admit(_ data: Data) async -> Bool {
        guard let value = try? JSONDecoder().decode(Value.self, from: data) else {
            let error =
                #"{"error":{"code":-32700,"message":"Parse error: the line is not JSON"},"id":null,"jsonrpc":"2.0"}"#
            try? await inner.send(Data(error.utf8))
            return false
        }
        for message in Self.messages(in: value) where message["method"] != nil {
            if let id = Self.key(message["id"]) { pending.insert(id) }
        }
        return true
    }

    /// The JSON-RPC messages of a line: one object, or the objects of a batch.
    private static func messages(in value: Value) -> [[String: Value]] {
        switch value {
        case .object(let object): [object]
        case .array(let batch): batch.compactMap(\.objectValue)
        default: []
        }
    }

    /// The ids a line written answers (responses: an id and no method), as `key` writes them.
    private static func answeredIDs(in data: Data) -> [String] {
        let objects: [[String: Any]] =
            switch try? JSONSerialization.jsonObject(with: data) {
            case let object as [String: Any]: [object]
            case let batch as [Any]: batch.compactMap { $0 as? [String: Any] }
            default: []
            }
        return objects.filter { $0["method"] == nil }.compactMap { object in
            switch object["id"] {
            case let text as String: "s:" + text
            case let number as NSNumber: "n:\(number.int64Value)"
            default: nil
            }
        }
    }

    /// An id the SDK answers with (a string or an integer) as a set key; nil for none or another kind.
    private static func key(_ id: Value?) -> String? {
        switch id {
        case .string(let text): "s:" + text
        case .int(let number): "n:\(number)"
        default: nil
        }
    }
}
