import GraphPermPlatform
import GraphPermStore
import Synchronization
import GraphPermQuery
import GraphPermKit

/// The interactive loop: statements (over several lines until complete), dot commands, history without tokens.
package final class REPL {
    private var runner: ScriptRunner
    private let reader: LineReader
    private let write: (String) -> Void
    private let writeError: (String) -> Void

    package static let prompt = "graphperm> "
    package static let continuation = "      ...> "

    package init(
        runner: ScriptRunner, reader: LineReader, write: @escaping (String) -> Void,
        writeError: @escaping (String) -> Void
    ) {
        self.runner = runner
        self.reader = reader
        self.write = write
        self.writeError = writeError
    }

    /// The names tab completion offers: permissions, admin roles, entities and path templates.
    package static func completionWords(_ kb: KnowledgeBase) -> CompletionContext.Words {
        CompletionContext.Words(
            permissions: (try? kb.permissionNames()) ?? [], roles: (try? kb.adminRoles().map(\.name)) ?? [],
            entities: (try? kb.entityNames()) ?? [], templates: (try? kb.templates()) ?? [])
    }

    /// Whether a line looks like it holds an access token anywhere (kept out of history): see `TokenShape`.
    package static func holdsToken(_ line: String) -> Bool { TokenShape.appears(in: line) }

    /// Reads and runs until Ctrl-D, `.quit` or the end of the input.
    package func run() {
        var pending = ""
        while true {
            let input = reader.read(prompt: pending.isEmpty ? Self.prompt : Self.continuation)
            switch input {
            case .end:
                if !pending.isEmpty { execute(pending) }
                reader.saveHistory()
                return
            case .interrupted:
                pending = ""
            case .line(let line):
                let trimmed = line.trimmed()
                if pending.isEmpty, trimmed.hasPrefix(".") {
                    if !dotCommand(trimmed) { reader.saveHistory(); return }
                    continue
                }
                if pending.isEmpty, trimmed.isEmpty { continue }
                pending += line + "\n"
                if !trimmed.isEmpty, needsMoreInput(pending) { continue }
                execute(pending)
                pending = ""
            }
        }
    }

    private func needsMoreInput(_ text: String) -> Bool {
        if text.trimmed().hasSuffix(";") { return false }
        do {
            _ = try Parser.parseScript(text)
            return false
        } catch {
            return error.isAtEnd
        }
    }

    private func execute(_ text: String) {
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if !Self.holdsToken(oneLine) { reader.remember(oneLine) }
        let watcher = InterruptWatcher(kb: runner.kb)
        defer { watcher.stop() }
        for outcome in runner.run(script: text) {
            switch outcome {
            case .output(let output): write(output)
            case .failure(let message, _): writeError(message + "\n")
            }
        }
    }

    /// Runs a dot command; false means leave.
    private func dotCommand(_ line: String) -> Bool {
        let words = line.split(separator: " ").map(String.init)
        switch words[0] {
        case ".quit", ".exit":
            return false
        case ".help":
            write(Self.help)
        case ".format":
            if words.count == 1 {
                write(runner.format.rawValue + "\n")
            } else if words.count == 2, let format = OutputFormat(rawValue: words[1]) {
                runner.format = format
            } else {
                writeError(".format takes table, json, md or csv (with none, it shows the current one)\n")
            }
        case ".sql":
            let statement = line.dropFirst(4).trimmed()
            guard !statement.isEmpty else { writeError(".sql takes one read-only SQL statement\n"); break }
            do { write(try runner.kb.runSQL(statement).render(runner.format)) } catch { writeError("\(error)\n") }
        case ".schema":
            let folder = Resources.schemaDirectory
            for file in folder.fileNames(withSuffix: ".sql") {
                do { write(try folder.text(of: file)) } catch { writeError("\(error)\n") }
            }
        default:
            writeError("unknown command \(Excerpt.text(String(words[0]))); try .help\n")
        }
        return true
    }

    static let help = """
        Statements (end with ';' or a new line; a statement left open continues on the next line):
          least GET /security/alerts [for delegated|work|personal|application]
          who can GET /me/messages
          show Mail.Read | show <permission or role ID> | show 'Security Reader'
          paths of Mail.Read [where method = GET and scheme = application] [order by template] [limit 10]
          permissions [where resource = 'Mail' and admin_consent = false] [order by name] [limit 20]
          calls [where least_markers = 0]
          compare Mail.Read with Mail.ReadBasic
          entities | roles | explain <statement>
        Dot commands: .help  .format [table|json|md|csv]  .schema  .sql SELECT ...  .quit
        Ctrl-C abandons the line, Ctrl-D leaves.

        """
}

/// While a statement runs, Ctrl-C interrupts it (the REPL goes on).
final class InterruptWatcher: Sendable {
    private let running = Mutex(true)

    init(kb: KnowledgeBase) {
        _ = InterruptFlag.take()
        startThread { [self] in
            while running.withLock({ $0 }) {
                if InterruptFlag.raised != 0 { kb.interrupt() }
                usleep(20_000)
            }
        }
    }

    func stop() {
        running.withLock { $0 = false }
        _ = InterruptFlag.take()
    }
}
