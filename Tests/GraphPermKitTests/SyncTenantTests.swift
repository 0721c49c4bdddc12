import Foundation
import GraphPermSync
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// The tenant's service principal read with an access token from a loopback server standing in for Microsoft Graph
/// (`Syncer.Tenant.loopbackForTesting`, which the command line never uses): the token goes nowhere else.
@Suite(
    .serialized,
    .enabled(if: SnapshotData.isAvailable && SyncServer.isAvailable, "needs ../shared/graph-data and python3"))
final class SyncTenantTests {
    let server: SyncServer
    let token = "test-token-0123456789"

    init() throws { server = try SyncServer() }

    func syncer(tenant mode: String, db: String) throws -> Syncer {
        let downloader = Downloader(limits: SyncLimits(timeout: 10), userAgent: "graphperm/test")
        var syncer = try Syncer(source: server.url("ok"), databasePath: db, downloader: downloader)
        let url = try #require(URL(string: server.url(mode) + "servicePrincipal.json"))
        guard let tenant = Syncer.Tenant.loopbackForTesting(token: token, url: url) else {
            throw CocoaError(.fileNoSuchFile)
        }
        syncer.tenant = tenant
        return syncer
    }

    /// Requests that carried an Authorization header, as the server saw them.
    var authorized: [SyncServer.Request] { server.requests.filter(\.auth) }

    @Test func readsEveryPageWithTheToken() async throws {
        let db = server.folder.path + "/tenant.sqlite"
        let report = try await syncer(tenant: "tenant", db: db).run()
        #expect(report.files == 4 && !report.upToDate)
        #expect(authorized.map(\.path) == ["/tenant/servicePrincipal.json", "/tenant/page2"])
        #expect(server.requests.filter { $0.path.hasPrefix("/ok/") }.allSatisfy { !$0.auth })
        let kinds = try KnowledgeBase.open(path: db).statistics().files.map(\.kind)
        #expect(kinds.contains("service-principal"))
    }

    @Test(arguments: [
        ("tenant-next-other", "http://127.0.0.1:OTHER/tenant/page2"),
        ("tenant-next-host", "http://localhost:PORT/tenant/page2"),
        ("tenant-next-https", "https://127.0.0.1:PORT/tenant/page2"),
    ])
    func aNextLinkThatLeavesTheHostIsRefused(mode: String, target: String) async throws {
        let db = server.folder.path + "/kept.sqlite"
        try Data("old".utf8).write(to: URL(fileURLWithPath: db))
        let link = target.replacingOccurrences(of: "OTHER", with: "\(server.otherPort)")
            .replacingOccurrences(of: "PORT", with: "\(server.port)")
        let error = await #expect(throws: SyncError.self) { try await self.syncer(tenant: mode, db: db).run() }
        #expect(error?.exitCode == 74)
        #expect(
            error?.description.contains("refused to follow @odata.nextLink to \(link)") == true,
            "\(String(describing: error))")
        #expect(error?.description.contains(token) == false)
        #expect(authorized.map(\.path) == ["/\(mode)/servicePrincipal.json"], "only the first page had the token")
        #expect(server.requests.allSatisfy { $0.port == server.port }, "nothing reached the other port")
        #expect(FileManager.default.contents(atPath: db) == Data("old".utf8))
    }

    @Test func aRedirectThatLeavesTheHostIsNotFollowedWithTheToken() async throws {
        let downloader = Downloader(limits: SyncLimits(timeout: 5), userAgent: "graphperm/test")
        let url = try #require(URL(string: server.url("to-other") + "permissions/new/permissions.json"))
        let credential = Downloader.Credential(token: token, policy: try #require(TokenPolicy.loopbackForTesting(url)))
        let error = await #expect(throws: SyncError.self) {
            try await downloader.get(url, to: self.server.folder.path + "/x.json", credential: credential)
        }
        #expect(
            error?.message.contains("a redirect away from http://127.0.0.1:\(server.port)") == true,
            "\(String(describing: error))")
        #expect(server.requests.allSatisfy { $0.port == server.port })
        // Without a token, a redirect with the same scheme is followed.
        let plain = try await downloader.get(url, to: server.folder.path + "/x.json")
        guard case .saved(let bytes, _) = plain else {
            Issue.record("expected a body")
            return
        }
        #expect(
            bytes > 1_000_000 && server.requests.last?.port == server.otherPort && server.requests.last?.auth == false)
    }

    @Test func anEndlessChainStopsAtTheCap() async throws {
        let db = server.folder.path + "/endless.sqlite"
        var syncer = try syncer(tenant: "tenant-endless", db: db)
        var downloader = syncer.downloader
        downloader.limits.maxPages = 20
        syncer = try Syncer(source: server.url("ok"), databasePath: db, downloader: downloader)
        syncer.tenant = Syncer.Tenant.loopbackForTesting(
            token: token, url: URL(string: server.url("tenant-endless") + "0")!)
        #expect(syncer.tenant != nil)
        let error = await #expect(throws: SyncError.self) { try await syncer.run() }
        #expect(
            error?.message.contains("more than 20 pages of @odata.nextLink") == true, "\(String(describing: error))")
        #expect(server.requests.filter { $0.path.hasPrefix("/tenant-endless/") }.count == 20)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func retriesAfter429() async throws {
        let downloader = Downloader(limits: SyncLimits(timeout: 5), userAgent: "graphperm/test")
        let url = try #require(URL(string: server.url("e429") + "provisioningInfo.json"))
        let started = Date()
        let outcome = try await downloader.get(url, to: server.folder.path + "/p.json")
        #expect(Date().timeIntervalSince(started) >= 1)
        guard case .saved(let bytes, _) = outcome else {
            Issue.record("expected a body")
            return
        }
        #expect(bytes > 0)
    }
}
