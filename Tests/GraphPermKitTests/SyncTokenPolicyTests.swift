import Foundation
import Testing

@testable import GraphPermSync

/// Where the access token may go, which redirects are followed, and what a download must hold: pure values.
struct SyncTokenPolicyTests {
    @Test(arguments: [
        ("https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x", true),
        ("https://GRAPH.microsoft.com:443/v1.0/me", true),
        ("http://graph.microsoft.com/v1.0/me", false),
        ("https://graph.microsoft.com:8443/v1.0/me", false),
        ("https://graph.microsoft.com.evil.example/v1.0/me", false),
        ("https://evil.example/graph.microsoft.com/v1.0", false),
        ("https://user:pw@graph.microsoft.com/v1.0/me", false),
        ("https://graph.microsoft.us/v1.0/me", false),
        ("ftp://graph.microsoft.com/v1.0/me", false),
    ])
    func globalGraphPolicy(url: String, allowed: Bool) throws {
        #expect(TokenPolicy(graph: .global).allows(try #require(URL(string: url))) == allowed)
    }

    @Test func nationalCloudsAllowOnlyTheirOwnHost() throws {
        let hosts = GraphHost.allCases.map(\.rawValue)
        #expect(
            hosts == [
                "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us",
                "microsoftgraph.chinacloudapi.cn",
            ])
        for host in GraphHost.allCases {
            #expect(host.tenantURL.scheme == "https" && host.tenantURL.host == host.rawValue)
            for other in GraphHost.allCases {
                let url = try #require(URL(string: "https://\(other.rawValue)/v1.0/me"))
                #expect(TokenPolicy(graph: host).allows(url) == (host == other), "\(host) → \(other)")
            }
        }
    }

    @Test func loopbackPolicyIsOnlyForOneLoopbackPort() throws {
        let policy = try #require(TokenPolicy.loopbackForTesting(URL(string: "http://127.0.0.1:8080/tenant")!))
        #expect(policy.allows(URL(string: "http://127.0.0.1:8080/page2")!))
        #expect(!policy.allows(URL(string: "http://127.0.0.1:8081/page2")!))
        #expect(!policy.allows(URL(string: "http://localhost:8080/page2")!))
        #expect(!policy.allows(URL(string: "https://127.0.0.1:8080/page2")!))
        #expect(TokenPolicy.loopbackForTesting(URL(string: "http://graph.microsoft.com:80/x")!) == nil)
        #expect(TokenPolicy.loopbackForTesting(URL(string: "https://127.0.0.1:8080/x")!) == nil)
    }

    @Test func redirects() throws {
        let from = URL(string: "https://raw.example/a.json")!
        #expect(RedirectRule.check(from: from, to: URL(string: "https://cdn.example/a.json")!, token: nil) == nil)
        #expect(RedirectRule.check(from: from, to: URL(string: "http://raw.example/a.json")!, token: nil) != nil)
        let graph = URL(string: "https://graph.microsoft.com/v1.0/x")!
        let policy = TokenPolicy(graph: .global)
        #expect(
            RedirectRule.check(from: graph, to: URL(string: "https://graph.microsoft.com/v1.0/y")!, token: policy)
                == nil)
        #expect(RedirectRule.check(from: graph, to: URL(string: "https://login.example/y")!, token: policy) != nil)
    }

    @Test(arguments: [
        (#"{"permissions": {}}"#, "found 0 permissions, 0 paths"),
        (#"{"permissions": {"A.Read": {"pathSets": [{"paths": {}}]}}}"#, "found 1 permissions, 0 paths"),
        (#"{"permissionDeployments": {}}"#, "expected a permissions document, found provisioningInfo"),
        ("[1]", "not a permission file"),
        ("{", "not valid JSON"),
    ])
    func permissionsDocumentMustHavePermissionsAndPaths(text: String, message: String) {
        let error = #expect(throws: SyncError.self) {
            try DownloadCheck.check(
                Array(text.utf8), expected: .permissionsDocument, source: "https://x/permissions.json")
        }
        #expect(error?.exitCode == 65 && error?.description.hasPrefix("https://x/permissions.json: ") == true)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func provisioningAndDescriptionsMustNotBeEmpty() throws {
        #expect(throws: SyncError.self) {
            try DownloadCheck.check(
                Array(#"{"permissionDeployments": {}}"#.utf8), expected: .provisioningInfo, source: "p")
        }
        let noScopes = #"{"delegatedScopesList": [], "applicationScopesList": [{"value": "A.Read.All"}]}"#
        #expect(throws: SyncError.self) {
            try DownloadCheck.check(Array(noScopes.utf8), expected: .permissionDescriptions, source: "d")
        }
        let good =
            #"{"delegatedScopesList": [{"value": "A.Read"}], "applicationScopesList": [{"value": "A.Read.All"}]}"#
        #expect(try DownloadCheck.check(Array(good.utf8), expected: .permissionDescriptions, source: "d") == 2)
        let deployments = #"{"permissionDeployments": {"A.Read": [{"id": "x", "scheme": "DelegatedWork"}]}}"#
        #expect(try DownloadCheck.check(Array(deployments.utf8), expected: .provisioningInfo, source: "p") == 1)
    }

    @Test func plausibility() {
        let old = ["permissions": 1200, "grants": 32000]
        #expect(Plausibility.problem(old: old, new: ["permissions": 1100, "grants": 31000]) == nil)
        #expect(
            Plausibility.problem(old: old, new: ["permissions": 1300, "grants": 15000])?.contains("grants") == true)
        #expect(
            Plausibility.problem(old: old, new: ["permissions": 500, "grants": 32000])?.contains("--force") == true)
        #expect(
            Plausibility.problem(old: ["permissions": 5, "grants": 9], new: ["permissions": 1200, "grants": 32000])
                == nil)
    }
}
