import GraphPermStore
import Foundation
import GraphPermKit

/// `graphperm sync`: brings the knowledge base up to date from Microsoft's public files (or a mirror), and
/// optionally from the user's own tenant. Everything is downloaded and checked into a staging folder beside the
/// knowledge base, and the new knowledge base replaces the old one only when all of it succeeded.
///
///     let syncer = try Syncer(source: Syncer.defaultSource, databasePath: "kb.sqlite",
///                             downloader: Downloader(limits: SyncLimits(timeout: 30), userAgent: "graphperm/0.1.0"))
///     try await syncer.run().upToDate  // true when no file changed since the last sync
package struct Syncer: Sendable {
    /// Microsoft's public permission files, relative to the source, and what each must be.
    package static let files: [(path: String, kind: DocumentKind)] = [
        ("permissions/new/permissions.json", .permissionsDocument),
        ("permissions/new/provisioningInfo.json", .provisioningInfo),
        ("permissions/permissions-descriptions.json", .permissionDescriptions),
    ]
    package static let defaultSource =
        "https://raw.githubusercontent.com/microsoftgraph/microsoft-graph-devx-content/master/"

    /// Where the files come from.
    package enum Source: Sendable, Equatable {
        case remote(URL)
        case folder(String)

        /// An http(s) base URL or an existing folder.
        package init(_ text: String) throws {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), isDirectory.boolValue {
                self = .folder(text)
            } else if let url = URL(string: text.hasSuffix("/") ? text : text + "/"),
                ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil
            {
                self = .remote(url)
            } else {
                throw SyncError(source: text, message: "expected an http(s) URL or an existing folder")
            }
        }
    }

    /// The tenant's service principal: where to read it and the token that may go there.
    package struct Tenant: Sendable {
        let url: URL
        let credential: Downloader.Credential

        /// HTTPS to one of Microsoft Graph's hosts: what the command line uses.
        package init(token: String, host: GraphHost = .global) {
            url = host.tenantURL
            credential = Downloader.Credential(token: token, policy: TokenPolicy(graph: host))
        }

        /// A loopback server (`http://127.0.0.1:PORT/...`) standing in for Microsoft Graph in tests; nil for any
        /// other URL. The command line never uses it.
        package static func loopbackForTesting(token: String, url: URL) -> Tenant? {
            TokenPolicy.loopbackForTesting(url).map { Tenant(url: url, credential: .init(token: token, policy: $0)) }
        }

        private init(url: URL, credential: Downloader.Credential) {
            self.url = url
            self.credential = credential
        }
    }

    package struct Report: Sendable {
        package var upToDate = false
        /// Bytes downloaded, or read from the folder.
        package var bytes = 0
        package var files = 0
        package var warnings: [String] = []
    }

    package let source: Source
    package let databasePath: String
    package let downloader: Downloader
    package var tenant: Tenant?
    /// Accept a new knowledge base that has far fewer permissions or grants than the current one.
    package var force = false
    /// How many replaced knowledge bases to keep in `<knowledge base>.history/` (0: none), oldest pruned first.
    package var keep = Syncer.defaultKeep
    /// How many replaced knowledge bases a sync keeps unless told otherwise.
    package static let defaultKeep = KnowledgeBaseHistory.defaultLimit

    package init(source: String, databasePath: String, downloader: Downloader) throws {
        self.source = try Source(source)
        self.databasePath = databasePath
        self.downloader = downloader
    }

    /// The staging folder this process uses (an executable removes it when a signal ends the process).
    package var staging: StagingFolder { StagingFolder(databasePath: databasePath) }

    package func run(progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws -> Report {
        let staging = self.staging
        try staging.create()
        defer { staging.remove() }
        var report = Report()
        var state = SyncState()
        let staged: [StagedFile]
        switch source {
        case .folder(let folder):
            staged = try FolderReader(folder: folder, maxBytes: downloader.limits.maxBytes).stage(into: staging.path)
            report.bytes = staged.reduce(0) { $0 + $1.bytes }
            if tenant == nil, FolderReader.matches(staged, knowledgeBase: databasePath) {
                report.upToDate = true
                return report
            }
        case .remote(let base):
            let fetcher = RemoteFetcher(base: base, downloader: downloader, progress: progress)
            let previous = SyncState.read(for: databasePath)
            guard let fetched = try await fetcher.stage(into: staging.path, previous: previous, needsAll: tenant != nil)
            else {
                report.upToDate = true
                return report
            }
            (staged, state.validators) = fetched
            report.bytes = staged.reduce(0) { $0 + $1.bytes }
        }
        for file in staged { try file.check() }
        report.files = staged.count
        var paths = staged.map(\.path)
        if let tenant {
            let reader = TenantReader(url: tenant.url, credential: tenant.credential, downloader: downloader)
            let path = staging.path + "/tenant-service-principal.json"
            report.bytes += try await reader.read(into: path, scratch: staging.path + "/tenant-page.json")
            report.files += 1
            paths.append(path)
        }
        report.warnings = try build(from: paths, staged: staged, staging: staging)
        state.write(for: databasePath)
        return report
    }

    /// Loads `paths` into a new knowledge base in the staging folder, checks it against the current one and
    /// renames it over it.
    private func build(from paths: [String], staged: [StagedFile], staging: StagingFolder) throws -> [String] {
        let newPath = staging.path + "/new.sqlite"
        let names = LoadErrorNames(staged: staged, staging: staging.path, databasePath: databasePath)
        let facts: KnowledgeFacts
        do {
            facts = try KnowledgeBaseWriter.load(paths: paths, dataDirectory: Resources.dataDirectory, to: newPath)
        } catch {
            throw names.syncError(error)
        }
        if !force, let old = Plausibility.counts(databasePath), let new = Plausibility.counts(newPath),
            let problem = Plausibility.problem(old: old, new: new)
        {
            throw SyncError(source: sourceName, message: problem, kind: .badContent)
        }
        // The knowledge base being replaced is kept (a hard link, so no copy) for `graphperm changes`; not being
        // able to keep it is a warning, never a failed sync.
        var warnings: [String] = []
        let history = KnowledgeBaseHistory(databasePath: databasePath)
        var kept: String?
        if keep > 0 {
            do {
                kept = try history.keep(databasePath: databasePath, source: sourceName)
            } catch {
                warnings.append("\(history.folder): the previous knowledge base could not be kept (\(error))")
            }
        }
        guard rename(newPath, databasePath) == 0 else {
            if let kept { history.discard(kept) }
            throw SyncError(
                source: databasePath,
                message: "the new knowledge base could not replace the old one "
                    + "(\(String(cString: strerror(errno))))")
        }
        let folder = open(staging.parent, O_RDONLY)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        history.prune(limit: keep)
        return facts.warnings.map(names.rename) + warnings
    }

    private var sourceName: String {
        switch source {
        case .remote(let url): url.absoluteString
        case .folder(let folder): folder
        }
    }
}
