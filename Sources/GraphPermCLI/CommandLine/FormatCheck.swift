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

    /// The answer in the chosen format, through the one renderer; a format the answer has no form for is a usage
    /// error (exit 64) naming the formats it has.
    package func render(_ answer: some Renderable) throws -> String {
        if let text = answer.rendered(outputFormat) { return text }
        let names = answer.formats.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("this answer has no \(outputFormat.rawValue) form: --format \(names)")
    }
}
