import GraphPermPlatform
import GraphPermStore
import ArgumentParser
import GraphPermKit
import GraphPermQuery

// Each value describes itself by its raw value: ArgumentParser's defaults describe an enum by reflection and key
// paths, which cost a one-shot command about a tenth of its start-up.
extension OutputFormat: ExpressibleByArgument {
    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }  // each value is its own description
}

/// Options every command takes: where the knowledge base is and how to print.
package struct CommonOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: "The knowledge base file (else $GRAPHPERM_DB, else the per-user data location).")
    package var db: String?

    @Option(name: .long, help: "Output format: table, json, md or csv (default: table on a terminal, json otherwise).",
            completion: .list(OutputFormat.allCases.map(\.rawValue)))
    package var format: OutputFormat?

    /// The chosen format, defaulting by whether stdout is a terminal.
    package var outputFormat: OutputFormat { format ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json) }

    /// The database path and whether the user named it (explicitly or through the environment).
    package var databasePath: (path: String, isExplicit: Bool) {
        if let db { return (db, true) }
        if let env = Environment.value("GRAPHPERM_DB") { return (env, true) }
        return (Self.defaultDatabasePath, false)
    }

    /// The per-user data folder: `$XDG_DATA_HOME/graphperm`, else `~/.local/share/graphperm`.
    package static var dataDirectory: String {
        let base = Environment.value("XDG_DATA_HOME")
            ?? (Environment.value("HOME").map { $0 + "/.local/share" } ?? FileManager.default.currentDirectoryPath)
        return base + "/graphperm"
    }

    package static var defaultDatabasePath: String { dataDirectory + "/graphperm.sqlite" }

    /// Opens the knowledge base. Without one at the default location (first use), it is built there from the snapshot
    /// compiled in, once; should that fail, the embedded Security API data answers. A note suggests `graphperm sync`
    /// when the knowledge base was built from a snapshot older than 30 days.
    package func openKnowledgeBase() throws -> KnowledgeBase {
        let (path, isExplicit) = databasePath
        if !isExplicit, !FileManager.default.fileExists(atPath: path) {
            do {
                try Self.buildFromSnapshot(at: path)
                return try KnowledgeBase.open(path: path)
            } catch {
                Console.note(
                    """
                    no knowledge base at \(path), and it could not be built from the embedded snapshot (\(error)): \
                    answering from the embedded Graph Security API table. Download Microsoft's permission data with \
                    `graphperm sync`.
                    """
                )
                return try KnowledgeBase.embedded()
            }
        }
        let kb = try Self.open(path, rebuildingAnOlderVersion: !isExplicit)
        if let note = Self.snapshotNote(kb, always: false) { Console.note(note) }
        return kb
    }

    /// Opens `path`; the default knowledge base written by an older graphperm (another schema version) is built
    /// again from the snapshot compiled in, as on first use: no migration, every fact is in the snapshot or a `sync`
    /// away.
    private static func open(_ path: String, rebuildingAnOlderVersion: Bool) throws -> KnowledgeBase {
        do {
            return try KnowledgeBase.open(path: path)
        } catch {
            guard rebuildingAnOlderVersion, case .wrongVersion(_, let found, _) = error else { throw error }
            try buildFromSnapshot(at: path)
            Console.note("the knowledge base at \(path) had schema version \(found): rebuilt for this graphperm")
            return try KnowledgeBase.open(path: path)
        }
    }

    /// Which snapshot compiled into graphperm `kb` was built from and how old it is, suggesting `graphperm sync`
    /// when it is older than 30 days; nil when `kb` was loaded from files, or (unless `always`) when the snapshot is
    /// recent.
    package static func snapshotNote(_ kb: KnowledgeBase, always: Bool) -> String? {
        guard let origin = try? kb.snapshotOrigin() else { return nil }
        let age = Snapshot.age(of: origin.date)
        let stale = age.map { $0 > staleSnapshotDays } ?? true
        guard always || stale else { return nil }
        let days = age.map { ", \($0) days old" } ?? ""
        return
            """
            the knowledge base holds Microsoft's permission data of \(origin.date) (\(origin.commit)\(days), from the \
            snapshot compiled into graphperm)
            """
            + (stale ? ": `graphperm sync` brings it up to date" : "")
    }

    /// After how many days a knowledge base built from the embedded snapshot earns a note suggesting `graphperm sync`.
    package static let staleSnapshotDays = 30

    /// Builds the knowledge base at `path` from the embedded snapshot (atomically, as every load) and says so on
    /// stderr.
    static func buildFromSnapshot(at path: String) throws {
        try FileManager.default.createDirectory(
            atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
        try KnowledgeBase.buildFromSnapshot(at: path)
        Console.note(
            """
            first use: built the knowledge base at \(path) from the snapshot of Microsoft's permission data compiled \
            into graphperm (\(Snapshot.summary)); `graphperm sync` brings it up to date
            """
        )
    }
}

/// Writing to the terminal: data to stdout, everything else to stderr.
package enum Console {
    package static func output(_ text: String) {
        if Terminal.page(text) { return }
        StandardStreams.write(text, to: STDOUT_FILENO)
    }

    /// The bytes of a file named on the command line, or of stdin for `-`; exit 74 when it cannot be read.
    package static func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" { return StandardStreams.readAll(STDIN_FILENO) }
        guard let data = FileManager.default.contents(atPath: path) else {
            note("error: \(path): cannot be read")
            throw ExitCode(74)
        }
        return [UInt8](data)
    }

    /// A note, warning or error on stderr; bounded and with terminal control characters escaped, whatever it quotes.
    package static func note(_ text: String) {
        StandardStreams.write(("graphperm: " + Excerpt.message(text) + "\n"), to: STDERR_FILENO)
    }
}
