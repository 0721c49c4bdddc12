import Foundation
import Testing
@testable import GraphPermCLI
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The binary stands alone: copied away from its build folder, every command that reads a shipped file works.
@Suite(.serialized)
struct InstallTests {
    /// Runs `binary` with `arguments` in `folder`, which is also HOME; only PATH and LANG are passed on.
    static func run(_ binary: String, _ arguments: [String], in folder: String,
                    stdin: String = "") throws -> CommandRunner.Result {
        let inherited = ProcessInfo.processInfo.environment
        let environment = ["HOME": folder, "PATH": inherited["PATH"] ?? "/usr/bin:/bin",
                           "LANG": inherited["LANG"] ?? "C.UTF-8"]
        return try CommandRunner.execute(binary, arguments, environment: environment, directory: folder, stdin: stdin)
    }

    @Test func aCopiedBinaryRunsEveryCommandWithNothingBesideIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let binary = folder.path + "/graphperm"
        try FileManager.default.copyItem(atPath: CommandRunner.binary, toPath: binary)
        // SwiftPM's resource bundle accessor is not compiled in: nothing is looked up in the build folder.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: binary))
        #expect(bytes.range(of: Data("GraphPermKit.resources".utf8)) == nil)
        // Foundation's essentials only: the whole of Foundation would bring ICU and its 34 MB of data.
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
            #expect(bytes.range(of: Data(library.utf8)) == nil, "graphperm links \(library)")
        }

        let db = folder.path + "/kb.sqlite"
        let fixture = folder.path + "/mini-permissions.json"
        try FileManager.default.copyItem(atPath: TemporaryFolder.fixture("mini-permissions.json"), toPath: fixture)
        let commands: [[String]] = [
            ["load", fixture, "--db", db, "--format", "json"],
            ["queries", "--format", "json"],
            ["run", "security-api-least", "--db", db, "--format", "json"],
            ["least", "GET", "/me/messages", "--db", db, "--format", "json"],
            ["least", "GET", "/security/alerts", "--format", "json"],
            ["show", "Mail.Read", "--db", db, "--format", "json"],
            ["stats", "--db", db, "--format", "json"],
            ["sql", "SELECT path FROM provenance ORDER BY id", "--db", db, "--format", "csv"],
        ]
        for command in commands {
            let result = try Self.run(binary, command, in: folder.path)
            #expect(result.status == 0,
                    "graphperm \(command.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            #expect(!result.stdout.isEmpty, "graphperm \(command.joined(separator: " ")) printed nothing")
        }
        let provenance = try Self.run(binary,
                                      ["sql", "SELECT path FROM provenance ORDER BY id", "--db", db, "--format", "csv"],
                                      in: folder.path)
        #expect(provenance.stdout.contains("embedded:Data/security-entities.json\r\nembedded:Data/admin-roles.json"))
        let queries = try Self.run(binary, ["queries", "--format", "csv"], in: folder.path)
        #expect(queries.stdout.contains("security-api-least,"))
        let schema = try Self.run(binary, ["repl", "--db", db], in: folder.path, stdin: ".schema\n")
        #expect(schema.status == 0 && schema.stdout.contains("CREATE TABLE permission"))
    }

    static let installed = [
        "bin/graphperm", "bin/graphperm-sync", "bin/graphperm-mcp", "bin/graphperm-serve", "share/man/man1/graphperm.1",
        "share/man/man1/graphperm-sync.1", "share/man/man1/graphperm-mcp.1", "share/man/man1/graphperm-serve.1",
        "share/bash-completion/completions/graphperm", "share/zsh/site-functions/_graphperm",
        "share/fish/vendor_completions.d/graphperm.fish", "share/graphperm/install-manifest.txt",
    ]

    /// Runs a script of the repository with `arguments`; stdout and stderr together.
    static func script(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [ResourcesTests.packageRoot.appendingPathComponent("Scripts/\(name)").path] + arguments
        let output = Pipe()
        (process.standardOutput, process.standardError) = (output, output)
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: bytes, as: UTF8.self))
    }

    /// Install into an empty prefix (the binaries of this build; the man page tool is built in .build-install-test),
    /// check that each file is there and works, uninstall, and find the prefix empty.
    @Test func installPutsEveryFileInPlaceAndUninstallRemovesThemAll() throws {
        let prefix = TemporaryFolder()
        defer { prefix.remove() }
        let binDir = URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent().path
        let scratch = ResourcesTests.packageRoot.appendingPathComponent(".build-install-test").path
        let install = try Self.script("install.sh",
                                      ["--prefix", prefix.path, "--bin-dir", binDir, "--scratch-path", scratch])
        try #require(install.status == 0, "install.sh failed: \(install.output)")

        let found = (FileManager.default.enumerator(atPath: prefix.path)?.allObjects as? [String] ?? [])
            .filter {
                !(try! FileManager.default.attributesOfItem(atPath: prefix.path + "/" + $0)[.type] as! FileAttributeType
                    == .typeDirectory)
            }
        #expect(found.sorted() == Self.installed.sorted())
        let manifest = try String(contentsOfFile: prefix.path + "/share/graphperm/install-manifest.txt",
                                  encoding: .utf8)
        #expect(manifest.split(separator: "\n").map(String.init).sorted() == Self.installed.sorted())

        let version = try Self.run(prefix.path + "/bin/graphperm", ["--version"], in: prefix.path)
        #expect(version.status == 0 && version.stdout.hasPrefix(GraphPermVersion.current + " (snapshot "))
        #expect(try Self.run(prefix.path + "/bin/graphperm-sync", ["--help"], in: prefix.path).status == 0)
        let least = try Self.run(prefix.path + "/bin/graphperm",
                                 ["least", "GET", "/security/alerts", "--format", "csv"], in: prefix.path)
        #expect(least.status == 0 && least.stdout.contains("SecurityEvents.Read.All"))

        // The helper's page is titled by its command name, "graphperm sync".
        for (page, title) in [
            ("graphperm", "GRAPHPERM"), ("graphperm-sync", "GRAPHPERM SYNC"), ("graphperm-mcp", "GRAPHPERM MCP"),
        ] {
            let file = prefix.path + "/share/man/man1/\(page).1"
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
                let man = try Self.run("/usr/bin/man", ["-l", file], in: prefix.path)
                #expect(man.status == 0 && man.stdout.hasPrefix("\(title)(1)"), "man -l \(file): \(man.stderr)")
            } else {
                let header = title.contains(" ") ? ".Dt \"\(title)\" 1" : ".Dt \(title) 1"
                #expect(try String(contentsOfFile: file, encoding: .utf8).contains(header))
            }
        }
        for completion in ["bash-completion/completions/graphperm", "zsh/site-functions/_graphperm",
                           "fish/vendor_completions.d/graphperm.fish"] {
            let text = try String(contentsOfFile: prefix.path + "/share/" + completion, encoding: .utf8)
            for word in ["least", "delegated-personal", "PATCH", "csv", "security-api-least"] {
                #expect(text.contains(word), "\(completion) does not complete \(word)")
            }
        }

        // The first command built the user's knowledge base from the snapshot compiled in, under HOME (the prefix
        // here): user data, which uninstall leaves alone.
        let userData = prefix.path + "/.local/share/graphperm"
        #expect(FileManager.default.fileExists(atPath: userData + "/graphperm.sqlite"))
        try FileManager.default.removeItem(atPath: prefix.path + "/.local")

        let uninstall = try Self.script("uninstall.sh", ["--prefix", prefix.path])
        #expect(uninstall.status == 0, "uninstall.sh failed: \(uninstall.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: prefix.path) == [])
    }

    /// A mistyped command gets the nearest one, not the REPL's usage; common options may come first; with no
    /// knowledge base the way out is `graphperm sync`.
    @Test func firstRunGuidanceLeadsSomewhere() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let typo = try Self.run(CommandRunner.binary, ["lest", "GET", "/me"], in: folder.path)
        #expect(typo.status == 64 && typo.stdout.isEmpty)
        #expect(typo.stderr.contains("unknown command") && typo.stderr.contains("did you mean least?"),
                "\(typo.stderr)")

        let fresh = try Self.run(CommandRunner.binary, ["least", "GET", "/security/alerts", "--format", "csv"],
                                 in: folder.path)
        #expect(fresh.status == 0 && fresh.stderr.contains("`graphperm sync`") && !fresh.stderr.contains("load PATH"),
                "\(fresh.stderr)")
        let missing = try Self.run(CommandRunner.binary, ["--db", folder.path + "/none.sqlite", "least", "GET", "/me"],
                                   in: folder.path)
        #expect(missing.status == 74 && missing.stderr.contains("`graphperm sync --db \(folder.path)/none.sqlite`"),
                "\(missing.stderr)")

        let db = folder.path + "/kb.sqlite"
        let load = try Self.run(CommandRunner.binary,
                                ["--db", db, "load", TemporaryFolder.fixture("mini-permissions.json")], in: folder.path)
        #expect(load.status == 0, "\(load.stderr)")
        let first = try Self.run(CommandRunner.binary,
                                 ["--db", db, "--format", "csv", "least", "GET", "/users/abc/messages",
                                  "--scheme", "application"],
                                 in: folder.path)
        #expect(first.status == 0
                && first.stdout == "Permission type,Least privileged permissions,Higher privileged permissions,Tier\r\n"
                        + "Application,Mail.Read,Mail.ReadWrite,T1\r\n",
                "\(first.stderr)")
    }

    /// No help text points into the source repository, which an installed binary does not have.
    @Test func helpTextsNeverPointIntoTheRepository() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var helps = [try Self.run(CommandRunner.binary, ["--help"], in: folder.path).stdout]
        for command in GraphPerm.configuration.subcommands.map({ $0._commandName }) {
            helps.append(try Self.run(CommandRunner.binary, [command, "--help"], in: folder.path).stdout)
        }
        for name in ["graphperm-sync", "graphperm-mcp", "graphperm-serve"] {
            let helper = URL(fileURLWithPath: CommandRunner.binary).deletingLastPathComponent()
                .appendingPathComponent(name).path
            helps.append(try Self.run(helper, ["--help"], in: folder.path).stdout)
        }
        #expect(helps.allSatisfy { $0.contains("USAGE:") })
        for help in helps {
            for place in ["../shared", "Schema/", "docs/", "Queries/", "Data/", ".build"] {
                #expect(!help.contains(place), "a help text names \(place): \(help.prefix(200))")
            }
        }
    }
}
