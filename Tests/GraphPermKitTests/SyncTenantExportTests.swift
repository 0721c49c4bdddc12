import Foundation
import GraphPermSync
import Testing

@testable import GraphPermCore
@testable import GraphPermJSON
@testable import GraphPermKit

/// `graphperm sync --tenant-export`: a loopback server lists a generated tenant export as Microsoft Graph does
/// (pages linked by `@odata.nextLink`, expanded app role assignments cut at 20, a 429 with Retry-After); the export
/// written from it is audited exactly as the export it was served from, and the token is written nowhere.
@Suite(
    .serialized,
    .enabled(
        if: SnapshotData.isAvailable && SyncServer.isAvailable && Python.path != nil,
        "needs ../shared/graph-data and python3"))
final class SyncTenantExportTests {
    let source = TemporaryFolder()
    let out = TemporaryFolder()
    let server: SyncServer
    let token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.secret-test-token-7f3a9c"
    /// The planted chain of the generated export: app A (Application.ReadWrite.All) and app B.
    var planted: (a: String, b: String) = ("", "")
    /// The principal given 25 app role assignments, more than `$expand` returns.
    var padded = ""

    init() throws {
        let summary = try Self.generate(into: source.path)
        guard case .object(let root) = summary, case .object(let plant)? = root["planted"],
            case .object(let a)? = plant["A"], case .object(let b)? = plant["B"],
            case .string(let aID)? = a["id"], case .string(let bID)? = b["id"]
        else { throw CocoaError(.fileReadCorruptFile) }
        planted = (aID, bID)
        padded = try Self.padAssignments(in: source.path + "/servicePrincipals.json", to: 25)
        server = try SyncServer(export: source.path)
    }

    deinit {
        source.remove()
        out.remove()
    }

    static func generate(into folder: String) throws -> JSONValue {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/make_tenant_export.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Python.path!)
        process.arguments = [
            script, "--apps", "40", "--seed", "5", "--plant", "--graph-sp",
            SnapshotData.directory + "/servicePrincipal.json", folder,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let summary = try JSONParser.parse(Array(output.fileHandleForReading.readDataToEndOfFile()))
        process.waitUntilExit()
        return summary
    }

    /// Gives the first principal without app role assignments `count` of Microsoft Graph's app roles; its id.
    static func padAssignments(in file: String, to count: Int) throws -> String {
        guard case .object(var root) = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file)))),
            case .array(var principals)? = root["value"]
        else { throw CocoaError(.fileReadCorruptFile) }
        let graph = principals.first {
            if case .object(let p) = $0, case .string(let appId)? = p["appId"] { return appId == MicrosoftGraph.appId }
            return false
        }
        guard case .object(let graphObject)? = graph, case .string(let graphID)? = graphObject["id"],
            case .array(let roles)? = graphObject["appRoles"],
            let target = principals.firstIndex(where: {
                if case .object(let p) = $0, case .array(let held)? = p["appRoleAssignments"] {
                    return held.isEmpty && p["appId"] != .string(MicrosoftGraph.appId)
                }
                return false
            }),
            case .object(var principal) = principals[target], case .string(let id)? = principal["id"]
        else { throw CocoaError(.fileReadCorruptFile) }
        let assignments: [JSONValue] = roles.prefix(count).compactMap { role in
            guard case .object(let r) = role, let roleID = r["id"] else { return nil }
            return .object(
                JSONObject([("appRoleId", roleID), ("principalId", .string(id)), ("resourceId", .string(graphID))]))
        }
        let position = principal.members.firstIndex { $0.key == "appRoleAssignments" }!
        principal.members[position].value = .array(assignments)
        principals[target] = .object(principal)
        let valuePosition = root.members.firstIndex { $0.key == "value" }!
        root.members[valuePosition].value = .array(principals)
        try Data(JSONValueText.render(.object(root)).utf8).write(to: URL(fileURLWithPath: file))
        return id
    }

    func exporter(_ mode: String, limits: SyncLimits = SyncLimits(timeout: 10)) throws -> TenantExporter {
        let downloader = Downloader(limits: limits, userAgent: "graphperm/test")
        let base = try #require(URL(string: server.url(mode) + "v1.0/"))
        return try #require(TenantExporter.loopbackForTesting(token: token, base: base, downloader: downloader))
    }

    func audit(_ folder: String) throws -> TenantAuditReport {
        try QueryFixture.knowledgeBase.auditTenant(folder: folder, today: "2026-08-07")
    }

    @Test func pagesRetriesAfter429AndTheAuditFindsThePlantedChain() async throws {
        let folder = out.path + "/tenant"
        let started = Date()
        let report = try await exporter("export429").export(to: folder)
        #expect(Date().timeIntervalSince(started) >= 1, "waited as Retry-After asked")
        let requests = server.requests
        #expect(requests.first?.path.hasPrefix("/export429/v1.0/servicePrincipals?") == true)
        #expect(requests.count(where: { $0.path == requests.first?.path }) == 2, "the 429 was retried once")
        let principals = try #require(report.collections.first)
        #expect(principals.items == 44 && principals.pages == 7, "\(report.collections)")
        #expect(report.completedPrincipals == 1)
        #expect(requests.contains { $0.path.hasSuffix("/servicePrincipals/\(padded)/appRoleAssignments") })
        #expect(requests.allSatisfy { $0.auth && $0.port == server.port })
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["oauth2PermissionGrants.json", "roleAssignments.json", "servicePrincipals.json"])
        // The audit of the written export is the audit of the export the server listed, byte for byte.
        let written = try audit(folder)
        #expect(written.json == (try audit(source.path)).json)
        let appA = try #require(written.apps.first { $0.id == planted.a })
        #expect(appA.tier == 0 && appA.chains.contains { $0.steps.map(\.id) == [planted.a, planted.b] })
        let full = try #require(written.apps.first { $0.id == padded })
        #expect(full.findings.count { $0.kind == "applicationPermission" } == 25, "all 25, not the 20 of $expand")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(leftovers == ["tenant"], "no staging folder left")
    }

    @Test func theTokenIsWrittenNowhereAndAnEarlierExportIsReplacedWhole() throws {
        let tokenFile = out.file("token.txt", token + "\n")
        let folder = out.path + "/tenant"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = out.file("tenant/servicePrincipals.json", #"{"value": [], "@odata.nextLink": "x"}"#)
        _ = out.file("tenant/servicePrincipals.2.json", #"{"value": []}"#)
        let arguments = [
            "sync", "--tenant-export", folder, "--token-file", tokenFile, "--loopback-graph",
            server.url("export") + "v1.0/", "--format", "csv",
        ]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout
                == "file,pages,items\r\nservicePrincipals.json,7,44\r\noauth2PermissionGrants.json,"
                + "\(try pages("oauth2PermissionGrants")),\(try count("oauth2PermissionGrants"))\r\n"
                + "roleAssignments.json,\(try pages("roleAssignments")),\(try count("roleAssignments"))\r\n")
        #expect(result.stderr.contains("exported 44 servicePrincipals"))
        #expect(!result.stdout.contains(token) && !result.stderr.contains(token))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["oauth2PermissionGrants.json", "roleAssignments.json", "servicePrincipals.json"],
            "the earlier export's second page is gone with it")
        let everything = FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []
        for name in everything where name != "token.txt" {
            let data = FileManager.default.contents(atPath: out.path + "/" + name) ?? Data()
            #expect(!String(decoding: data, as: UTF8.self).contains(token), "\(name) holds the token")
        }
        // The token's secret part is not in the server's log either (it logs only that a header was there).
        let log = (try? String(contentsOfFile: server.folder.path + "/requests.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("secret-test-token"))
    }

    func count(_ stem: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: source.path + "/\(stem).json"))
        let value = try JSONParser.parse(Array(data))
        guard case .object(let root) = value, case .array(let items)? = root["value"] else { return -1 }
        return items.count
    }

    func pages(_ stem: String) throws -> Int { max(1, (try count(stem) + 6) / 7) }

    @Test func a401NamesTheURLAndLeavesTheFolderAlone() async throws {
        let folder = out.path + "/tenant"
        let error = await #expect(throws: SyncError.self) { try await self.exporter("export401").export(to: folder) }
        let url = server.url("export401") + "v1.0/servicePrincipals?$select="
        #expect(error?.description.hasPrefix(url) == true, "\(String(describing: error))")
        #expect(error?.message.hasPrefix("HTTP 401 Unauthorized: the access token was refused") == true)
        #expect(error?.exitCode == 74)
        #expect(error?.description.contains(token) == false)
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "no staging folder left")
        // Through the command line: exit 74, the same message, the folder untouched.
        let tokenFile = server.folder.file("token.txt", token)
        let result = try CommandRunner.run([
            "sync", "--tenant-export", folder, "--token-file", tokenFile, "--loopback-graph",
            server.url("export401") + "v1.0/",
        ])
        #expect(result.status == 74 && result.stdout.isEmpty)
        #expect(result.stderr.contains("error: \(url)") && result.stderr.contains("HTTP 401 Unauthorized"))
        #expect(!result.stderr.contains(token))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func retriesEndWithAnErrorNamingTheURL() async throws {
        var limits = SyncLimits(timeout: 5)
        limits.maxAttempts = 3
        let error = await #expect(throws: SyncError.self) {
            try await self.exporter("export429x", limits: limits).export(to: self.out.path + "/tenant")
        }
        #expect(error?.source.hasPrefix(server.url("export429x") + "v1.0/servicePrincipals?") == true)
        #expect(
            error?.message == "HTTP 429 Too Many Requests, still after 3 attempts "
                + "(each waited as Retry-After asked, at most 30 s)")
        #expect(server.requests.count == 3)
    }

    @Test func aFolderHoldingOtherFilesIsRefusedBeforeAnyRequest() throws {
        let folder = out.path + "/mine"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = out.file("mine/notes.txt", "keep me")
        let tokenFile = server.folder.file("token.txt", token)
        let result = try CommandRunner.run([
            "sync", "--tenant-export", folder, "--token-file", tokenFile, "--loopback-graph",
            server.url("export") + "v1.0/",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("holds notes.txt, which is not part of a tenant export"), "\(result.stderr)")
        #expect(server.requests.isEmpty)
        #expect(FileManager.default.contents(atPath: folder + "/notes.txt") == Data("keep me".utf8))
    }
}
