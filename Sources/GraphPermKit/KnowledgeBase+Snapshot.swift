import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// The embedded snapshot this knowledge base was built from (its date and commit, from the recorded location of
    /// its permissions document), or nil when it was loaded from files.
    ///
    ///     try kb.snapshotOrigin()   // ("2026-08-07", "6cbd6bbd665a") on a fresh install; nil after `graphperm sync`
    package func snapshotOrigin() throws(KnowledgeBaseError) -> (date: String, commit: String)? {
        try store.permissionsDocumentLocation().flatMap(Snapshot.origin(ofLocation:))
    }
}
