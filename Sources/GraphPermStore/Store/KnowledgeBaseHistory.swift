import GraphPermPlatform

/// The knowledge bases `sync` replaced, kept beside the current one in `<knowledge base>.history/`, newest last:
/// each `<kept at>.sqlite` (the old file itself, hard-linked before the new one is renamed over it) with
/// `<kept at>.json`, its provenance (when it was replaced, by a sync from which source, and the files it was
/// loaded from). At most `limit` are kept; the oldest go first.
///
///     let history = KnowledgeBaseHistory(databasePath: "kb.sqlite")
///     history.entries().last?.keptAt  // "2026-08-07T10:00:00Z": the knowledge base the last sync replaced
package struct KnowledgeBaseHistory: Sendable {
    /// How many knowledge bases a sync keeps unless told otherwise.
    package static let defaultLimit = 5

    /// A kept knowledge base and its provenance.
    package struct Entry: Sendable, Equatable, Codable {
        /// The kept file (not stored in the provenance file: it is where that file is).
        package var path: String = ""
        /// When a sync replaced it (RFC 3339, UTC).
        package var keptAt: String
        /// The source of the sync that replaced it (URL or folder).
        package var replacedBySyncFrom: String
        /// The files it was loaded from, as its provenance table lists them.
        package var files: [File]

        /// One file a kept knowledge base was loaded from.
        package struct File: Sendable, Equatable, Codable {
            public var kind: String
            public var path: String
            public var sha256: String
            public var loadedAt: String
        }

        enum CodingKeys: String, CodingKey { case keptAt, replacedBySyncFrom, files }
    }

    package let folder: String

    package init(databasePath: String) {
        folder = databasePath + ".history"
    }

    /// The kept knowledge bases, oldest first (an entry whose provenance file is missing or unreadable is skipped).
    package func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            let base = folder + "/" + String(name.dropLast(".json".count))
            guard FileManager.default.fileExists(atPath: base + ".sqlite"),
                let data = FileManager.default.contents(atPath: base + ".json"),
                var entry = try? JSONDecoder().decode(Entry.self, from: data)
            else { return nil }
            entry.path = base + ".sqlite"
            return entry
        }
    }

    /// Keeps the knowledge base at `databasePath` (about to be replaced by a sync from `source`): a hard link to
    /// it (a copy where links are not possible) and its provenance file. Returns the kept file; nil when there is
    /// no knowledge base to keep.
    package func keep(databasePath: String, source: String, now: Date = Date()) throws -> String? {
        guard FileManager.default.fileExists(atPath: databasePath) else { return nil }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let stamp = Self.stamp(now)
        // `<stamp>-1`, `-2` … for syncs within one second, so that names sort in the order of keeping.
        var number = 1
        var base = ""
        repeat {
            base = folder + "/" + stamp.replacing(":", with: "-") + "-\(number)"
            number += 1
        } while FileManager.default.fileExists(atPath: base + ".sqlite")
            || FileManager.default.fileExists(atPath: base + ".json")
        if link(databasePath, base + ".sqlite") != 0 {
            try FileManager.default.copyItem(atPath: databasePath, toPath: base + ".sqlite")
        }
        let rows = (try? KnowledgeStore.open(path: databasePath).provenance()) ?? []
        let entry = Entry(
            keptAt: stamp, replacedBySyncFrom: source,
            files: rows.map {
                Entry.File(kind: $0.kind, path: $0.path, sha256: $0.sha256, loadedAt: $0.loadedAt)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try encoder.encode(entry).write(to: URL(fileURLWithPath: base + ".json"), options: .atomic)
        } catch {
            try? FileManager.default.removeItem(atPath: base + ".sqlite")
            throw error
        }
        return base + ".sqlite"
    }

    /// Removes a kept knowledge base and its provenance file (a sync that kept it and then failed).
    package func discard(_ keptPath: String) {
        let base = String(keptPath.dropLast(".sqlite".count))
        try? FileManager.default.removeItem(atPath: base + ".json")
        try? FileManager.default.removeItem(atPath: keptPath)
    }

    /// Removes the oldest kept knowledge bases until at most `limit` are left.
    package func prune(limit: Int) {
        let kept = entries()
        guard kept.count > max(limit, 0) else { return }
        for entry in kept.prefix(kept.count - max(limit, 0)) { discard(entry.path) }
    }

    /// A time as the kept files name it: RFC 3339 in UTC, to the second.
    static func stamp(_ date: Date) -> String {
        date.iso8601
    }
}
