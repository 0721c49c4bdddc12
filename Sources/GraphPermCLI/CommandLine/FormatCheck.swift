import ArgumentParser
import GraphPermKit

extension CommonOptions {
    /// Refuses a `--format` the command cannot honour (exit 64), instead of ignoring it.
    ///
    ///     try common.requireFormat(in: [.md], for: "graphperm reference writes markdown documents")
    package func requireFormat(in allowed: [OutputFormat], for what: String) throws {
        guard let format, !allowed.contains(format) else { return }
        let names = allowed.map(\.rawValue).joined(separator: " or ")
        throw ValidationError("\(what): --format \(names), not \(format.rawValue)")
    }
}
