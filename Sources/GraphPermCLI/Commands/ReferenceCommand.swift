import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

extension ReferenceKind: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }  // each value is its own description
}

struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        _superCommandName: "graphperm",
        abstract: "Generate reference documents in markdown: api, permissions, security, roles or tiers.",
        discussion: """
            api: one permissions table per (path template, method), grouped by top-level resource; with --out, one \
            file per group (api-users.md ...), else one document on stdout. permissions: each permission's IDs, \
            display texts, descriptions and admin consent, as Microsoft's permissions reference shows them. security: \
            the Graph Security API authorization table. roles: the admin roles table. tiers: the risk tier of every \
            permission in every scheme, with the Tier 0 attack paths and their preconditions. Output is deterministic.
            Examples:
              graphperm reference security
              graphperm reference tiers
              graphperm reference api --out api-reference
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "api, permissions, security, roles or tiers.")
    var kind: ReferenceKind

    @Option(name: .long, help: "Write one file per document into this folder (created if missing).")
    var out: String?

    func validate() throws {
        try common.requireFormat(in: [.md], for: "graphperm reference writes markdown documents")
    }

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let documents = try kb.reference(kind)
        guard let out else {
            Console.output(documents.map(\.markdown).joined(separator: "\n"))
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for document in documents {
                try Data(document.markdown.utf8).write(
                    to: URL(fileURLWithPath: out).appendingPathComponent(document.name), options: .atomic)
            }
        } catch {
            Console.note("error: \(out): cannot write the documents (\(error))")
            throw ExitCode(74)
        }
        Console.note("wrote \(documents.count) files to \(out)")
    }
}
