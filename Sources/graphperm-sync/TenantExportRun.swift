import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit
import GraphPermSync

/// `graphperm sync --tenant-export FOLDER --token-file FILE`: writes the tenant export, reports per collection the
/// pages and items read (stdout, in the chosen format) and progress on a terminal (stderr).
struct TenantExportRun {
    let folder: String
    let tokenFile: String
    let graphHost: GraphHost
    let loopback: String?
    let timeout: Double
    let format: OutputFormat

    /// Usage errors before anything is read: the options that do not go together, a folder that cannot take an export.
    static func validate(folder: String, tenant: Bool, tokenFile: String?, loopback: String?) throws {
        if tenant { throw ValidationError("give either --tenant or --tenant-export FOLDER: they are separate syncs") }
        if tokenFile == nil {
            throw ValidationError("--tenant-export needs --token-file FILE holding an access token for Microsoft Graph")
        }
        if let loopback, URL(string: loopback).flatMap(TokenPolicy.loopbackForTesting) == nil {
            throw ValidationError("--loopback-graph takes http://127.0.0.1:PORT/... and nothing else")
        }
        do {
            _ = try ExportFolder(path: folder)
        } catch let error as SyncError {
            throw ValidationError("--tenant-export \(error)")
        }
    }

    func run() async throws {
        let token = try readToken()
        let downloader = Downloader(limits: SyncLimits(timeout: timeout), userAgent: GraphPermVersion.userAgent)
        let exporter: TenantExporter
        if let loopback, let url = URL(string: loopback),
            let local = TenantExporter.loopbackForTesting(token: token, base: url, downloader: downloader)
        {
            exporter = local
        } else {
            exporter = TenantExporter(token: token, host: graphHost, downloader: downloader)
        }
        let target = try ExportFolder(path: folder)
        let cleanup = SignalCleanup(removing: target.staging)
        defer { withExtendedLifetime(cleanup) {} }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let report: TenantExporter.Report
        do {
            report = try await exporter.export(to: folder) { name, pages, items in
                if showsProgress { Console.note("\(name): page \(pages), \(items) items") }
            }
        } catch let error as SyncError {
            Console.note("error: \(error); \(folder) is left as it was")
            throw ExitCode(error.exitCode)
        }
        let items = report.collections.map { "\($0.items) \($0.name)" }.joined(separator: ", ")
        Console.note("exported \(items) (\(report.bytes) bytes) into \(folder)")
        if report.completedPrincipals > 0 {
            Console.note(
                "\(report.completedPrincipals) service principals had their app role assignments read on their own "
                    + "(they reached the cap of 20 of $expand)")
        }
        let rows = report.collections.map { [$0.name + ".json", String($0.pages), String($0.items)] }
        Console.output(TabularText(columns: ["file", "pages", "items"], rows: rows).render(format))
    }

    /// The token: one line of visible ASCII (nothing that could end a header line), never echoed in a message.
    private func readToken() throws -> String {
        let text = String(decoding: try Console.readInput(tokenFile), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            Console.note("error: \(tokenFile): holds no access token")
            throw ExitCode(64)
        }
        guard text.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            Console.note("error: \(tokenFile): expected one access token (visible ASCII, no spaces or line breaks)")
            throw ExitCode(64)
        }
        return text
    }
}
