import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit
import GraphPermStore

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        _superCommandName: "graphperm",
        abstract: "What the last sync changed in Microsoft's permissions (or everything since a date).",
        discussion: """
            `graphperm sync` keeps the knowledge bases it replaces (the last 5 unless `sync --keep N`) in \
            <knowledge base>.history/, each with its provenance. `changes` compares the one the last sync replaced \
            with the current knowledge base; with --since DATE (YYYY-MM-DD, or a time such as 2026-08-07T10:00:00Z, \
            UTC), the one that was current at DATE. The output is that of `graphperm diff`, in the same formats, and \
            --calls says which of your calls now need another permission, --tenant FOLDER which of a tenant \
            export's apps hold permissions that were removed, whose tier rose, or that are no longer least \
            privileged for calls they were. Exit 1 when no knowledge base is kept.
            Examples:
              graphperm changes
              graphperm changes --since 2026-08-01 --format md
              graphperm changes --calls calls.txt
              graphperm changes --tenant tenant-export
            """
    )

    @Option(name: .long, help: "The knowledge base file (else $GRAPHPERM_DB, else the per-user data location).")
    var db: String?

    @Option(name: .long, help: "Changes since this date (YYYY-MM-DD or an RFC 3339 time in UTC).")
    var since: String?

    @OptionGroup var options: DiffOptions

    func validate() throws {
        if let since, Self.sinceKey(since) == nil {
            throw ValidationError("--since takes a date such as 2026-08-01 or 2026-08-01T10:00:00Z, not '\(since)'")
        }
    }

    /// The date as text that compares with the kept files' times (RFC 3339, UTC), or nil when it is not a date.
    static func sinceKey(_ text: String) -> String? {
        let day = Date.ISO8601FormatStyle().year().month().day()
        // Foundation reads a day that is not in the calendar (2026-02-30) as a later one: refused first.
        guard ISODay.number(text) != nil,
              let date = (text.count == 10 ? try? day.parse(text) : nil) ?? Date(iso8601: text) else { return nil }
        return date.iso8601
    }

    func run() throws {
        let path =
            db ?? Environment.value("GRAPHPERM_DB")
            ?? CommonOptions.defaultDatabasePath
        let kept = KnowledgeBaseHistory(databasePath: path).entries()
        guard let newest = kept.last else {
            Console.note("no earlier knowledge base is kept beside \(path): `graphperm sync` keeps the one it replaces")
            throw ExitCode(1)
        }
        var chosen = newest
        if let since, let key = Self.sinceKey(since) {
            guard let first = kept.first(where: { $0.keptAt >= key }) else {
                Console.note(
                    "no sync replaced the knowledge base after \(key) (the last one replaced it at \(newest.keptAt))")
                let current = try DiffSide.open(path)
                try options.print(old: current, new: current)
                return
            }
            if first.keptAt == kept.first?.keptAt, let loaded = first.files.map(\.loadedAt).max(), loaded > key {
                Console.note("the oldest knowledge base kept was loaded at \(loaded), after \(key): changes since then")
            }
            chosen = first
        }
        Console.note(
            "changes from the knowledge base replaced at \(chosen.keptAt) (by a sync from "
                + "\(chosen.replacedBySyncFrom)) to \(path)")
        let sides = (try DiffSide.open(chosen.path), try DiffSide.open(path))
        try options.print(old: sides.0, new: sides.1)
    }
}
