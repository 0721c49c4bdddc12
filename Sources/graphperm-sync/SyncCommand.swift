import ArgumentParser
import Foundation
import GraphPermCommandLine
import GraphPermKit
import GraphPermSync

@main
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphperm sync",
        abstract: "Bring the knowledge base up to date from Microsoft's public permission files (or a mirror, or your tenant).",
        discussion: """
            Downloads permissions/new/permissions.json, permissions/new/provisioningInfo.json and \
            permissions/permissions-descriptions.json from microsoftgraph/microsoft-graph-devx-content (or --from URL|DIR), \
            with conditional requests: when nothing changed it says so and changes nothing. Every download is checked and \
            loaded into a new knowledge base that replaces the old one only when all of it succeeded; offline, a timeout, an \
            HTTP error, a cut or corrupt body leave the old one untouched (exit 74, or 65 for bad content).
            --tenant reads the Microsoft Graph service principal of your own tenant with the token in --token-file.
            Examples:
              graphperm sync
              graphperm sync --from ./mirror
              graphperm sync --tenant --token-file token.txt
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "A mirror: a base URL or a folder holding the files.")
    var from: String = "https://raw.githubusercontent.com/microsoftgraph/microsoft-graph-devx-content/master/"

    @Flag(name: .long, help: "Also read your tenant's Microsoft Graph service principal (needs --token-file).")
    var tenant = false

    @Option(name: .long, help: "A file holding an access token for --tenant.")
    var tokenFile: String?

    @Option(name: .long, help: "Seconds to wait for each request.")
    var timeout: Double = 30

    func validate() throws {
        if tenant, tokenFile == nil { throw ValidationError("--tenant needs --token-file FILE holding an access token for Microsoft Graph") }
        if timeout <= 0 { throw ValidationError("--timeout takes a number of seconds above 0") }
    }

    func run() async throws {
        let (path, isExplicit) = common.databasePath
        if !isExplicit { try? FileManager.default.createDirectory(atPath: CommonOptions.dataDirectory, withIntermediateDirectories: true) }
        var syncer = Syncer(source: from, databasePath: path, downloader: Downloader(timeout: timeout))
        if let tokenFile {
            syncer.tenantToken = String(decoding: try Console.readInput(tokenFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let report: Syncer.Report
        do {
            report = try await syncer.run { file, bytes in
                if showsProgress { FileHandle.standardError.write(Data("\r\u{1B}[K  \((file as NSString).lastPathComponent): \(bytes) bytes".utf8)) }
            }
        } catch let error as SyncError {
            if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            Console.note("error: \(error); the knowledge base is unchanged")
            throw ExitCode(error.isBadContent ? 65 : 74)
        } catch let error as LoadError {
            Console.note("error: \(error); the knowledge base is unchanged")
            throw ExitCode(error.exitCode)
        }
        if showsProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        Console.note(report.upToDate ? "already up to date (\(path))" : "synced \(report.files) files, \(report.bytes) bytes, into \(path)")
        let rows = [["up_to_date", report.upToDate ? "yes" : "no"], ["files", String(report.files)], ["bytes", String(report.bytes)], ["warnings", String(report.warnings.count)]]
        Console.output(TabularText(columns: ["item", "value"], rows: rows).render(common.outputFormat))
    }
}
