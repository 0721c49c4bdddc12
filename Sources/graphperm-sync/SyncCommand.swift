import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit
import GraphPermStore
import GraphPermSync

extension GraphHost: ExpressibleByArgument {}

@main
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphperm sync",
        abstract:
            "Bring the knowledge base up to date from Microsoft's permission files (or a mirror, or your tenant).",
        discussion: """
            Downloads permissions/new/permissions.json, permissions/new/provisioningInfo.json and \
            permissions/permissions-descriptions.json from microsoftgraph/microsoft-graph-devx-content \
            (or --from URL|DIR) with conditional requests (ETag, Last-Modified): when nothing changed it says so \
            and changes nothing; a folder is up to date when its files' SHA-256 match the knowledge base's. Each \
            file must be what it claims (a permissions document with permissions and paths, provisioningInfo with \
            deployments, descriptions with scopes), and new data with less than half the permissions or grants of \
            the current knowledge base is refused unless --force. The knowledge base a sync replaces is kept in \
            <knowledge base>.history/ with its provenance (the last --keep, 5 unless told, oldest pruned first) for \
            `graphperm changes`. Every request is bounded: --timeout for the whole \
            request, 64 MiB a file after decompression, 100 pages, 5 redirects, none to another scheme. The new \
            knowledge base replaces the old one only when all of it succeeded; otherwise the old one is kept \
            (exit 74 for a failed or refused transfer, 65 for bad content).
            --tenant reads the Microsoft Graph service principal of your own tenant with the token in \
            --token-file. The token goes only over HTTPS to --graph-host (graph.microsoft.com; \
            graph.microsoft.us, dod-graph.microsoft.us or microsoftgraph.chinacloudapi.cn for the national \
            clouds): a next page or a redirect anywhere else is refused.
            --tenant-export FOLDER writes a tenant export for `graphperm audit --tenant FOLDER` instead (the \
            knowledge base is left alone): servicePrincipals.json (GET /servicePrincipals?$expand=appRoleAssignments; \
            a principal with 20 assignments, the cap of $expand, has them read on their own), \
            oauth2PermissionGrants.json and roleAssignments.json (GET /roleManagement/directory/roleAssignments), \
            each one {"value": [...]} document, with every @odata.nextLink page. The token needs \
            Application.Read.All, DelegatedPermissionGrant.Read.All and RoleManagement.Read.Directory (or \
            Directory.Read.All). 429 and 503 are retried as Retry-After asks (at most 30 s, 4 attempts); progress \
            shows on a terminal. FOLDER must be new, empty or an earlier export, which the new one replaces in one \
            rename when all of it was read.
            Examples:
              graphperm sync
              graphperm sync --from ./mirror
              graphperm sync --tenant --token-file token.txt
              graphperm sync --tenant-export tenant --token-file token.txt
            """,
        version: GraphPermVersion.description
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "A mirror: a base URL or a folder holding the files.")
    var from: String = Syncer.defaultSource

    @Flag(name: .long, help: "Also read your tenant's Microsoft Graph service principal (needs --token-file).")
    var tenant = false

    @Option(name: .long, help: "A file holding an access token for --tenant or --tenant-export (- for stdin).")
    var tokenFile: String?

    @Option(name: .long, help: "Write your tenant's apps, grants and roles to this folder for `audit --tenant`.")
    var tenantExport: String?

    /// A loopback server (http://127.0.0.1:PORT/v1.0/) standing in for Microsoft Graph, for tests and demonstrations.
    @Option(name: .long, help: .hidden)
    var loopbackGraph: String?

    @Option(
        name: .long,
        help: "The Microsoft Graph host of your tenant's cloud: \(GraphHost.allValueStrings.joined(separator: ", ")).")
    var graphHost: GraphHost = .global

    @Option(name: .long, help: "Seconds each request may take in all.")
    var timeout: Double = 30

    @Flag(
        name: .long,
        help: "Accept new data with less than half the permissions or grants of the current knowledge base.")
    var force = false

    @Option(name: .long, help: "How many replaced knowledge bases to keep for `graphperm changes` (0: none).")
    var keep: Int = Syncer.defaultKeep

    func validate() throws {
        if let tenantExport {
            try TenantExportRun.validate(
                folder: tenantExport, tenant: tenant, tokenFile: tokenFile, loopback: loopbackGraph)
        } else if loopbackGraph != nil {
            throw ValidationError("--loopback-graph goes with --tenant-export FOLDER")
        }
        if tenant, tokenFile == nil {
            throw ValidationError("--tenant needs --token-file FILE holding an access token for Microsoft Graph")
        }
        if !tenant, tenantExport == nil, tokenFile != nil {
            throw ValidationError(
                "--token-file is read only with --tenant or --tenant-export: add one of them or drop --token-file")
        }
        if keep < 0 || keep > 1_000 {
            throw ValidationError("--keep takes a number of knowledge bases from 0 to 1000")
        }
        if !(timeout > 0 && timeout <= 3600) {
            throw ValidationError("--timeout takes a number of seconds above 0, at most 3600")
        }
        do {
            _ = try Syncer.Source(from)
        } catch let error as SyncError {
            throw ValidationError("--from \(error.source): \(error.message)")
        }
    }

    func run() async throws {
        if let tenantExport, let tokenFile {
            let run = TenantExportRun(
                folder: tenantExport, tokenFile: tokenFile, graphHost: graphHost, loopback: loopbackGraph,
                timeout: timeout, format: common.outputFormat)
            return try await run.run()
        }
        Resources.useFolder(Environment.value("GRAPHPERM_RESOURCES"))
        let (path, isExplicit) = common.databasePath
        if !isExplicit {
            try? FileManager.default.createDirectory(
                atPath: CommonOptions.dataDirectory, withIntermediateDirectories: true)
        }
        let downloader = Downloader(limits: SyncLimits(timeout: timeout), userAgent: GraphPermVersion.userAgent)
        var syncer = try Syncer(source: from, databasePath: path, downloader: downloader)
        syncer.force = force
        syncer.keep = keep
        if tenant, let tokenFile {
            let token = String(decoding: try Console.readInput(tokenFile), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            guard !token.isEmpty else {
                Console.note("error: \(tokenFile): holds no access token")
                throw ExitCode(64)
            }
            syncer.tenant = Syncer.Tenant(token: token, host: graphHost)
        }
        let cleanup = SignalCleanup(removing: syncer.staging)
        // URLSession streams each body into a file in the temporary folder: keep those inside the staging folder,
        // which every exit removes.
        setenv("TMPDIR", syncer.staging.path, 1)
        defer { withExtendedLifetime(cleanup) {} }
        let showsProgress = isatty(STDERR_FILENO) == 1
        let report: Syncer.Report
        do {
            report = try await syncer.run { source, bytes in
                if showsProgress { Console.note("\(source): \(bytes) bytes") }
            }
        } catch let error as SyncError {
            Console.note("error: \(error); the knowledge base is unchanged")
            throw ExitCode(error.exitCode)
        }
        for warning in report.warnings { Console.note("warning: \(warning)") }
        Console.note(
            report.upToDate
                ? "already up to date (\(path)); \(report.bytes) bytes read"
                : "synced \(report.files) files, \(report.bytes) bytes, into \(path)")
        let rows = [
            ["up_to_date", report.upToDate ? "yes" : "no"], ["files", String(report.files)],
            ["bytes", String(report.bytes)], ["warnings", String(report.warnings.count)],
        ]
        Console.output(try common.render(TabularText(columns: ["item", "value"], rows: rows)))
    }
}
