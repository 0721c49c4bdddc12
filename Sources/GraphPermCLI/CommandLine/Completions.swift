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
            let named = arguments.firstIndex(of: "--db")
                .flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
            let path = named ?? Environment.value("GRAPHPERM_DB")
                ?? CommonOptions.defaultDatabasePath
            guard let kb = try? KnowledgeBase.open(path: path) else { return [] }
            let names = ((try? kb.permissionNames()) ?? []) + ((try? kb.adminRoles().map(\.name)) ?? [])
            return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
        }
    }
}
