import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermCLI
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The REPL end to end, in a real terminal (tmux), and its inner loop on plain input.
@Suite(.serialized)
struct REPLTests {
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    final class Terminal {
        let socket = "graphperm-test-\(UUID().uuidString.prefix(8))"
        let tmux: String

        init(tmux: String, command: String) throws {
            self.tmux = tmux
            try run(["new-session", "-d", "-s", "repl", "-x", "160", "-y", "50", command], capture: false)
        }

        /// Runs tmux through posix_spawn and waitpid; output goes through a file, so the tmux server (which
        /// outlives the call) holds no pipe of ours.
        @discardableResult
        func run(_ arguments: [String], capture: Bool = true) throws -> String {
            let outputPath = NSTemporaryDirectory() + "\(socket)-\(UUID().uuidString).out"
            defer { try? FileManager.default.removeItem(atPath: outputPath) }
            var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, capture ? outputPath : "/dev/null",
                                             O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, tmux, &actions, nil, argv, environ) == 0 else { return "" }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return capture ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        }

        func send(_ keys: String...) throws { try run(["send-keys", "-t", "repl"] + keys) }
        func screen() throws -> String { try run(["capture-pane", "-p", "-S", "-2000", "-t", "repl"]) }

        /// Waits until the screen holds `text` (up to 10 s).
        func waitFor(_ text: String, occurrences: Int = 1) throws -> String {
            for _ in 0..<100 {
                let current = try screen()
                if current.components(separatedBy: text).count - 1 >= occurrences { return current }
                usleep(100_000)
            }
            return try screen()
        }

        func close() { _ = try? run(["kill-server"], capture: false) }
    }

    @Test(.enabled(if: tmux != nil, "tmux is not installed"))
    func editsRunsCompletesAndForgetsTokens() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        let facts = try KnowledgeLoader.gather(paths: [TemporaryFolder.fixture("diagnose-permissions.json")],
                                               dataDirectory: Resources.dataDirectory)
        try KnowledgeBaseWriter.write(facts, to: db)
        let command = "env XDG_DATA_HOME=\(folder.path) TERM=xterm \(CommandRunner.binary) repl --db \(db)"
            + " --format table"
        let terminal = try Terminal(tmux: Self.tmux!, command: command)
        defer { terminal.close() }

        #expect(try terminal.waitFor("graphperm>").contains("graphperm>"))
        try terminal.send("least GET /me/messages", "Enter")
        #expect(try terminal.waitFor("Mail.ReadWrite").contains("Delegated (work or school account)      Mail.Read"))

        try terminal.send("permissions where", "Enter")
        #expect(try terminal.waitFor("...>").contains("      ...>"))
        try terminal.send("  resource = 'Calendars'", "Enter")
        #expect(try terminal.waitFor("Calendars.ReadWrite").contains("Calendars.ReadWrite  Application"))

        try terminal.send("show Calendars.Re", "Tab")
        _ = try terminal.waitFor("show Calendars.Read")
        try terminal.send("C-c")
        usleep(500_000)
        try terminal.send("roles", "Enter")
        let afterInterrupt = try terminal.waitFor("Global Administrator")
        #expect(afterInterrupt.contains("Security Reader"), "\(afterInterrupt)")

        try terminal.send("leest GET /me", "Enter")
        #expect(try terminal.waitFor("did you mean 'least'?").contains("^^^^^"))

        try terminal.send("show eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJNYWlsLlJlYWQifQ.c2ln", "Enter")
        _ = try terminal.waitFor("no entity or path named")
        try terminal.send(".format json", "Enter", "roles", "Enter")
        #expect(try terminal.waitFor("\"role_template_id\"").contains("{\"role\":\"Security Reader\""))

        try terminal.send("C-d")
        for _ in 0..<50 where FileManager.default.fileExists(atPath: folder.path + "/graphperm/history") == false {
            usleep(100_000)
        }
        usleep(200_000)
        let history = try String(contentsOfFile: folder.path + "/graphperm/history", encoding: .utf8)
            .replacingOccurrences(of: "\\040", with: " ")
        #expect(history.contains("least GET /me/messages"))
        #expect(history.contains("permissions where   resource = 'Calendars'"))
        #expect(!history.contains("eyJ0eXAi"))
    }

    @Test func plainInputRunsScriptsAndSurvivesErrors() throws {
        let result = try CommandRunner.run(["repl", "--format", "csv"],
                                           stdin: "roles\nleest GET /me\nshow Nope.Nothing\nroles\n")
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "Security Reader").count == 3)
        #expect(result.stderr.contains("did you mean 'least'?"))
    }

    @Test func tokensAreRecognised() {
        #expect(REPL.holdsToken("claims eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzY3AiOiJNYWlsLlJlYWQifQ.c2ln"))
        #expect(REPL.holdsToken("diagnose GET /me --token 'Bearer abc'"))
        #expect(!REPL.holdsToken("least GET /me/messages"))
    }
}
