import GraphPermPlatform
import ArgumentParser
import GraphPermKit
import GraphPermQuery

/// What the shell completes for graphperm's arguments (`graphperm --generate-completion-script bash|zsh|fish`).
///
///     @Option(completion: .schemes) var scheme: String?   // delegated, work, personal, application
extension CompletionKind {
    /// The HTTP methods Microsoft's permission data documents.
    package static var httpMethods: CompletionKind { .list(HTTPMethod.documented.map(\.rawValue)) }

    /// The permission types `--scheme` takes.
    package static var schemes: CompletionKind {
        .list(["delegated", "work", "personal", "application", "delegated-work", "delegated-personal"])
    }

    /// The names of the saved queries compiled in (`graphperm queries`).
    package static var savedQueries: CompletionKind { .list(SavedQuery.all().map(\.name)) }

    /// The permission (and admin role) names of the knowledge base at `--db`, `$GRAPHPERM_DB` or the per-user
    /// location, read when the shell asks (nothing when there is none yet).
    package static var permissionNames: CompletionKind {
        .custom { arguments, _, prefix in
            let path = databasePath(in: arguments) ?? Environment.value("GRAPHPERM_DB")
                ?? CommonOptions.defaultDatabasePath
            guard let kb = try? KnowledgeBase.open(path: path) else { return [] }
            let names = ((try? kb.permissionNames()) ?? []) + ((try? kb.adminRoles().map(\.name)) ?? [])
            return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        }
    }

    /// The knowledge base a command line names, as `--db PATH` or `--db=PATH`.
    static func databasePath(in arguments: [String]) -> String? {
        for (index, word) in arguments.enumerated() {
            if word == "--db", index + 1 < arguments.count { return arguments[index + 1] }
            if word.hasPrefix("--db=") { return String(word.dropFirst(5)) }
        }
        return nil
    }
}
