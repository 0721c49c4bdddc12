import GraphPermPlatform
import GraphPermCore
import GraphPermStore
import Synchronization

/// A knowledge base: the SQLite file `graphperm load` or `sync` writes, opened read-only, and the questions it
/// answers (`least`, `show`, `permissionTable`, `need`, `audit`, `diagnose`, `run`).
///
///     let kb = try KnowledgeBase.open(path: "graphperm.sqlite")
///     try kb.least(method: "GET", target: "/security/alerts").schemes[2].answer?.least  // ["SecurityEvents.Read.All"]
public final class KnowledgeBase: Sendable {
    /// The schema version this build writes and reads (`PRAGMA user_version`).
    package static let schemaVersion = KnowledgeStore.schemaVersion

    package let store: KnowledgeStore
    private let claimSets = Mutex<[[Int]: ClaimSet]>([:])
    private let answers = Mutex<[AnswerKey: LeastAnswer]>([:])
    /// Admin consent and privilege level by permission name, per scheme ID, once `preloadGrants()` has run.
    let permissionFactsTable = Mutex<[String: [Int: PermissionFacts]]?>(nil)

    package init(store: KnowledgeStore) {
        self.store = store
    }

    /// The file, or `(embedded)` for the built-in Security API data.
    public var location: String { store.location }

    /// Opens the file read-only and checks its schema version.
    public static func open(path: String) throws(KnowledgeBaseError) -> KnowledgeBase {
        KnowledgeBase(store: try KnowledgeStore.open(path: path))
    }

    /// A knowledge base in memory built from the embedded `Data/` alone (the Graph Security API table).
    public static func embedded() throws -> KnowledgeBase {
        KnowledgeBase(store: try KnowledgeStore.embedded())
    }

    /// The matcher over every path template, built on first use.
    public func matcher() throws(KnowledgeBaseError) -> PathMatcher { try store.matcher() }

    /// A matcher able to match `request`: the full one once built, else one over the few templates that could
    /// match it (enough for a one-shot lookup, and much faster to build).
    package func matcher(for request: RequestPath) throws(KnowledgeBaseError) -> PathMatcher {
        try store.matcher(for: request)
    }

    /// Stops the statement running now (it fails with an "interrupted" error); used for Ctrl-C in the REPL.
    package func interrupt() { store.interrupt() }

    /// Every grant on the given templates, in Microsoft's claim order.
    package func grants(templateIDs: [Int]) throws(KnowledgeBaseError) -> [Grant] {
        try store.grants(templateIDs: templateIDs)
    }

    /// The claim set of the given templates, read once and then kept (the knowledge base never changes under
    /// an open connection).
    package func claimSet(templateIDs: [Int]) throws(KnowledgeBaseError) -> ClaimSet {
        if let cached = claimSets.withLock({ $0[templateIDs] }) { return cached }
        let set = ClaimSet(grants: try store.grants(templateIDs: templateIDs))
        claimSets.withLock { $0[templateIDs] = set }
        return set
    }

    /// A least-privilege answer computed before for the same templates, method and schemes, or a new one.
    func cachedAnswer(_ key: AnswerKey, _ compute: () throws -> LeastAnswer) rethrows -> LeastAnswer {
        if let cached = answers.withLock({ $0[key] }) { return cached }
        let answer = try compute()
        answers.withLock { $0[key] = answer }
        return answer
    }

    /// Reads every grant and every permission's consent and level in two queries and keeps them, for work that
    /// touches most templates, such as a long batch (one query costs less than thousands of small ones).
    ///
    ///     try kb.preloadGrants()
    ///     try kb.grants(templateIDs: [id])  // the same grants as the query per template gives, from memory
    package func preloadGrants() throws(KnowledgeBaseError) {
        try store.preloadGrants()
        try preloadPermissionFacts()
    }
}
