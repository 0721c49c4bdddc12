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
}
