import Foundation
import GraphPermKit

/// `graphperm sync`: brings the knowledge base up to date from Microsoft's public files (or a mirror), and
/// optionally from the user's own tenant, swapping in a new knowledge base only when everything succeeded.
public struct Syncer: Sendable {
    /// Microsoft's public permission files, relative to the source.
    public static let files = ["permissions/new/permissions.json", "permissions/new/provisioningInfo.json", "permissions/permissions-descriptions.json"]
    public static let defaultSource = "https://raw.githubusercontent.com/microsoftgraph/microsoft-graph-devx-content/master/"
    public static let tenantURL = "https://graph.microsoft.com/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id,appId,displayName,appRoles,oauth2PermissionScopes"

    public struct Report: Sendable {
        public var upToDate = false
        public var bytes = 0
        public var files = 0
        public var warnings: [String] = []
    }

    public let source: String
    public let databasePath: String
    public let downloader: Downloader
    public var tenantToken: String?
    public var tenantURL = Syncer.tenantURL

    public init(source: String, databasePath: String, downloader: Downloader) {
        self.source = source
        self.databasePath = databasePath
        self.downloader = downloader
    }

    var statePath: String { databasePath + ".sync.json" }

    public func run(progress: @escaping @Sendable (String, Int) -> Void = { _, _ in }) async throws -> Report {
        var report = Report()
        let folder = NSTemporaryDirectory() + "graphperm-sync-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let hasDatabase = FileManager.default.fileExists(atPath: databasePath)
        let state = hasDatabase ? loadState() : [:]
        var newState: [String: String] = [:]
        var paths: [String] = []
        var unchanged: [(url: URL, local: String, file: String)] = []
        for (index, file) in Self.files.enumerated() {
            let local = folder + "/\(index)-" + (file as NSString).lastPathComponent
            paths.append(local)
            if let directory = localDirectory {
                let candidates = [directory + "/" + file, directory + "/" + (file as NSString).lastPathComponent]
                guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                    throw SyncError(url: candidates[1], message: "no such file in the mirror folder")
                }
                try FileManager.default.copyItem(atPath: found, toPath: local)
                report.files += 1
                continue
            }
            let url = try fileURL(file)
            switch try await downloader.get(url, etag: state[url.absoluteString], progress: { progress(file, $0) }) {
            case .notModified:
                newState[url.absoluteString] = state[url.absoluteString]
                unchanged.append((url, local, file))
            case .body(let data, let etag):
                try save(data, to: local, url: url, report: &report)
                newState[url.absoluteString] = etag
            }
        }
        if unchanged.count == Self.files.count, tenantToken == nil {
            report.upToDate = true
            return report
        }
        // The new knowledge base is built from every file: fetch the unchanged ones in full too.
        for entry in unchanged {
            guard case .body(let data, let etag) = try await downloader.get(entry.url, progress: { progress(entry.file, $0) }) else {
                throw SyncError(url: entry.url.absoluteString, message: "answered 304 to an unconditional request")
            }
            try save(data, to: entry.local, url: entry.url, report: &report)
            newState[entry.url.absoluteString] = etag
        }
        if let tenantToken { paths.append(try await fetchTenant(token: tenantToken, into: folder, report: &report)) }
        let facts = try KnowledgeBaseWriter.load(paths: paths, dataDirectory: Resources.dataDirectory, to: databasePath)
        report.warnings = facts.warnings
        saveState(newState)
        return report
    }

    private func fileURL(_ file: String) throws -> URL {
        guard let url = URL(string: source.hasSuffix("/") ? source + file : source + "/" + file), url.scheme != nil else {
            throw SyncError(url: source, message: "expected an http(s) URL or a folder")
        }
        return url
    }

    private func save(_ data: Data, to local: String, url: URL, report: inout Report) throws {
        try validate(data, url: url.absoluteString)
        try data.write(to: URL(fileURLWithPath: local))
        report.bytes += data.count
        report.files += 1
    }

    private var localDirectory: String? {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) && isDirectory.boolValue ? source : nil
    }

    private func validate(_ data: Data, url: String) throws {
        do {
            _ = try KnowledgeLoader.kind(of: [UInt8](data), file: url)
        } catch let error as LoadError {
            let isSyntax = if case .data(_, let place, _) = error { place.hasPrefix("line ") } else { false }
            throw SyncError(url: url, message: isSyntax ? "the download is not valid JSON (\(error))" : "the download is not a permission file (\(error))",
                            isBadContent: true)
        }
    }

    private func fetchTenant(token: String, into folder: String, report: inout Report) async throws -> String {
        var downloader = self.downloader
        downloader.headers["Authorization"] = "Bearer " + token
        var next: String? = tenantURL
        var principals: [JSONValue] = []
        while let link = next, let url = URL(string: link) {
            guard case .body(let data, _) = try await downloader.get(url) else { break }
            report.bytes += data.count
            guard case .object(let object) = try JSONParser.parse([UInt8](data)) else { throw SyncError(url: link, message: "expected a JSON object", isBadContent: true) }
            if case .array(let values)? = object["value"] { principals += values } else { principals.append(.object(object)) }
            if case .string(let more)? = object["@odata.nextLink"] { next = more } else { next = nil }
        }
        let path = folder + "/tenant-service-principal.json"
        try Data(JSONValueText.render(.object(JSONObject([("value", .array(principals))]))).utf8).write(to: URL(fileURLWithPath: path))
        report.files += 1
        return path
    }

    private func loadState() -> [String: String] {
        guard let data = FileManager.default.contents(atPath: statePath), case .object(let object)? = try? JSONParser.parse([UInt8](data)) else { return [:] }
        var state: [String: String] = [:]
        for (key, value) in object.members { if case .string(let etag) = value { state[key] = etag } }
        return state
    }

    private func saveState(_ state: [String: String]) {
        let text = JSONText.object(state.keys.sorted().map { ($0, JSONText.string(state[$0]!)) })
        try? Data(text.utf8).write(to: URL(fileURLWithPath: statePath), options: .atomic)
    }
}
