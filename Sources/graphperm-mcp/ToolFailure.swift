import GraphPermKit
import GraphPermQuery
import GraphPermStore

/// A tool call that cannot be answered: returned to the client as a tool error (`isError`) with this message.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = Excerpt.message(description) }

    /// The message `graphperm` prints on stderr for the same error (less its `graphperm: ` prefix).
    init(_ error: any Error) {
        switch error {
        case let failure as ToolFailure: self = failure
        case let error as LookupError: self.init(error.description)
        case let error as LoadError: self.init("error: \(error)")
        case let error as KnowledgeBaseError: self.init("error: \(error)")
        default: self.init("error: \(error)")
        }
    }

    /// Runs `body`, turning whatever it throws into a `ToolFailure`.
    static func guarded<T>(_ body: () throws -> T) throws(ToolFailure) -> T {
        do {
            return try body()
        } catch {
            throw ToolFailure(error)
        }
    }
}
