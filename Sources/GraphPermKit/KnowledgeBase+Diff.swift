import GraphPermPlatform
import GraphPermCore
import GraphPermStore

/// One side of a diff: a knowledge base with a name to show, its date and a fingerprint of its sources.
package struct DiffSide: Sendable {
    package let kb: KnowledgeBase
    /// The path as given on the command line.
    package let label: String
    /// When its data was made, RFC 3339: the latest load recorded in a knowledge base file, the latest
    /// modification of the files loaded into memory.
    package let date: String
    /// The SHA-256 digests of its permissions documents (of every file when it has none), joined.
    package let fingerprint: String
    /// The kinds of file it was loaded from, sorted (`permissions-document`, `provisioning-info` …).
    package let kinds: [String]

    /// Opens `path`: a knowledge base file (an SQLite file) as it is, anything else (a folder of Microsoft's files,
    /// a permissions document) loaded into a knowledge base in memory with the loader `graphperm load` uses.
    package static func open(_ path: String) throws -> DiffSide {
        if KnowledgeBase.isDatabaseFile(path) {
            let kb = try KnowledgeBase.open(path: path)
            let rows = try kb.store.provenance()
            return DiffSide(
                kb: kb, label: path, date: rows.map(\.loadedAt).max() ?? "1970-01-01T00:00:00Z",
                rows: rows)
        }
        let kb = KnowledgeBase(store: try KnowledgeStore.inMemory(inputs: [.path(path)], location: path))
        let rows = try kb.store.provenance()
        let dates = rows.filter { !$0.path.hasPrefix("embedded:") }.compactMap { row in
            (try? FileManager.default.attributesOfItem(atPath: row.path))?[.modificationDate] as? Date
        }
        let date = dates.max().map(\.iso8601) ?? "1970-01-01T00:00:00Z"
        return DiffSide(kb: kb, label: path, date: date, rows: rows)
    }

    private init(kb: KnowledgeBase, label: String, date: String, rows: [ProvenanceRow]) {
        self.kb = kb
        self.label = label
        self.date = date
        let documents = rows.filter { $0.kind == DocumentKind.permissionsDocument.rawValue }
        fingerprint = (documents.isEmpty ? rows : documents).map(\.sha256).joined(separator: "+")
        kinds = Set(rows.map(\.kind)).sorted()
    }
}

extension KnowledgeBase {
    /// Whether `path` is an SQLite file (by its first 16 bytes).
    package static func isDatabaseFile(_ path: String) -> Bool {
        KnowledgeBaseTarget.isSQLiteFile(path)
    }

    /// The facts a diff compares (see `DiffFacts`).
    package func diffFacts() throws(KnowledgeBaseError) -> DiffFacts { try store.diffFacts() }

    /// What changed from `old` to `new`, with graphperm's recommendation before and after for each call whose
    /// least-privilege markers changed.
    ///
    ///     let diff = try KnowledgeBase.diff(old: try .open(path: "old.sqlite"), new: try .open(path: "new.sqlite"))
    package static func diff(old: KnowledgeBase, new: KnowledgeBase) throws -> PermissionDiff {
        let facts = try [old, new].concurrentMap { kb in Result { () throws(KnowledgeBaseError) in try kb.diffFacts() }
        }
        var diff = PermissionDiff(old: try facts[0].get(), new: try facts[1].get())
        // One lookup per call for every scheme at once (a call often changed in several), each side on its own
        // thread; many lookups read every permission's facts in one query first.
        var calls: [DiffCall] = []
        var seen = Set<DiffCall>()
        for change in diff.leastChanged {
            let call = DiffCall(change)
            if seen.insert(call).inserted { calls.append(call) }
        }
        let lookups = calls
        let answers = [old, new].concurrentMap { kb in
            if lookups.count > Self.preloadThreshold { try? kb.preloadPermissionFacts() }
            var found: [DiffCall: LeastAnswer] = [:]
            for call in lookups { found[call] = try? kb.least(method: call.method, target: call.target) }
            return found
        }
        for index in diff.leastChanged.indices {
            let change = diff.leastChanged[index]
            let call = DiffCall(change)
            diff.leastChanged[index].recommendedBefore = answers[0][call]?[change.scheme]?.recommended
            diff.leastChanged[index].recommendedAfter = answers[1][call]?[change.scheme]?.recommended
        }
        return diff
    }

    /// Above this many calls to look up, a diff reads every permission's facts at once.
    static let preloadThreshold = 20

    /// A call whose recommendation a diff asks for: a method and a template with `{id}` for each parameter.
    private struct DiffCall: Hashable, Sendable {
        let method: String
        let target: String

        init(_ change: PermissionDiff.LeastChange) {
            method = change.method
            target = change.template.replacing("{}", with: "{id}")
        }
    }

    /// Which of `calls` need a different permission in `new` than in `old`, or are no longer documented there,
    /// in the order of `calls` (each distinct call once).
    package static func impact(of calls: [AppCalls.Call], old: KnowledgeBase, new: KnowledgeBase) -> [CallImpact] {
        var seen = Set<AppCalls.Call>()
        var impacts: [CallImpact] = []
        for call in calls where seen.insert(call).inserted {
            let before = try? old.least(method: call.method, target: call.url)
            guard let before, before.basis != .inferred else { continue }
            guard let after = try? new.least(method: call.method, target: call.url), after.basis != .inferred else {
                impacts.append(CallImpact(method: call.method, url: call.url, kind: .undocumented, schemes: []))
                continue
            }
            var changes: [CallImpact.SchemeChange] = []
            for scheme in Scheme.allCases {
                let was = before[scheme]
                let now = after[scheme]
                guard was?.least != now?.least || was?.recommended != now?.recommended else { continue }
                changes.append(
                    CallImpact.SchemeChange(
                        scheme: scheme, leastBefore: was?.least, leastAfter: now?.least,
                        recommendedBefore: was?.recommended, recommendedAfter: now?.recommended))
            }
            if !changes.isEmpty {
                impacts.append(CallImpact(method: call.method, url: call.url, kind: .changed, schemes: changes))
            }
        }
        return impacts
    }
}
