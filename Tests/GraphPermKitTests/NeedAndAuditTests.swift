import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

struct NeedAndAuditTests {
    @Test func needFindsTheSmallestLeastPrivilegedSet() throws {
        let kb = QueryFixture.knowledgeBase
        let calls: [AppCalls.Call] = [
            .init(method: "GET", url: "/me/messages"), .init(method: "GET", url: "/users/u1/messages"),
                                      .init(method: "GET", url: "/me/events"), .init(method: "POST", url: "/me/events"),
                                      .init(method: "GET", url: "/me"), .init(method: "GET", url: "/nowhere")]
        let analysis = try kb.need(calls)
        let work = try #require(analysis.schemes.first { $0.scheme == .delegatedWork })
        #expect(work.permissions == ["Mail.Read", "User.Read", "Calendars.ReadWrite"])
        #expect(work.isProvenMinimal)
        let application = try #require(analysis.schemes.first { $0.scheme == .application })
        // Application is never supported on /me: an app-only token has no signed-in user.
        #expect(application.unsupported.allSatisfy { $0.url.hasPrefix("/me") } && application.unsupported.count == 4)
        #expect(analysis.unknown.map(\.call) == [.init(method: "GET", url: "/nowhere")])
    }

    @Test func auditReportsUnusedBroaderUncoveredAndUnknown() throws {
        let kb = QueryFixture.knowledgeBase
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let manifest = folder.file(
            "manifest.json",
            #"""
            {"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": \#
            [{"id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "type": "Scope"}, {"id": \#
            "64733abd-851e-478a-bffb-e47a14b18235", "type": "Scope"}, {"id": "11111111-1111-1111-1111-111111111111", \#
            "type": "Role"}]}]}
            """#
        )
        let grants = folder.file(
            "grants.json",
            #"{"value": [{"clientId": "c", "consentType": "AllPrincipals", "scope": "Calendars.ReadWrite"}]}"#)
        var granted = GrantedPermissions()
        try GrantedPermissions.read(manifest, kb: kb, into: &granted)
        try GrantedPermissions.read(grants, kb: kb, into: &granted)
        #expect(granted.delegated == ["Mail.Read", "SecurityEvents.Read.All", "Calendars.ReadWrite"])
        let report = try kb.audit(
            granted: granted,
            calls: [
                .init(method: "GET", url: "/me/messages"), .init(method: "GET", url: "/me/events"),
                .init(method: "GET", url: "/me"),
            ])
        let kinds = report.findings.map { "\($0.kind.rawValue): \($0.subject)" }
        #expect(
            kinds == [
                "unknown ID: 11111111-1111-1111-1111-111111111111 (Role in \(manifest))", "call not covered: GET /me",
                          "unused: SecurityEvents.Read.All", "broader than needed: Calendars.ReadWrite"])
        #expect(
            report.markdown.hasPrefix(
                "## Microsoft Graph permissions audit\n\nGranted: 3 delegated, 0 application; 3 calls checked.\n"))
    }

    @Test func auditKeepsSignInScopesAndOtherAPIsAndSuggestsTheManifest() throws {
        let kb = QueryFixture.knowledgeBase
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let other =
            #"""
            {"resourceAppId": "00000002-0000-0ff1-ce00-000000000000", "resourceAccess": [{"id": \#
            "dc890d15-9560-4a4c-9b7f-a736ec74ec40", "type": "Role"}]}
            """#
        let manifest = folder.file(
            "manifest.json",
            #"""
            {"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": \#
            [{"id": "570282fd-fa5c-430d-a7fd-fc8dc98a9dca", "type": "Scope"}]}, \#(other)]}
            """#
        )
        let grants = folder.file(
            "grants.json",
            #"{"value": [{"clientId": "c", "consentType": "AllPrincipals", "scope": "openid offline_access"}]}"#)
        var granted = GrantedPermissions()
        try GrantedPermissions.read(manifest, kb: kb, into: &granted)
        try GrantedPermissions.read(grants, kb: kb, into: &granted)
        let report = try kb.audit(granted: granted, calls: [.init(method: "GET", url: "/me/messages")])
        let kinds = report.findings.map { "\($0.kind.rawValue): \($0.subject)" }
        #expect(kinds.contains("sign-in scope: openid") && kinds.contains("sign-in scope: offline_access"))
        #expect(kinds.contains("other API: 00000002-0000-0ff1-ce00-000000000000"))
        #expect(!kinds.contains { $0.hasPrefix("unused: openid") || $0.hasPrefix("unused: offline_access") })
        #expect(report.problems.isEmpty, "\(report.problems)")
        let suggested = try #require(report.suggestedRequiredResourceAccess)
        #expect(suggested.contains(#""id":"570282fd-fa5c-430d-a7fd-fc8dc98a9dca","type":"Scope""#))
        #expect(suggested.contains("00000002-0000-0ff1-ce00-000000000000"))
    }

    @Test func anApplicationPermissionDoesNotMakeDelegatedCallsUncovered() throws {
        let kb = QueryFixture.knowledgeBase
        var granted = GrantedPermissions()
        granted.delegated = ["Mail.Read"]
        granted.application = ["Mail.Read"]
        let report = try kb.audit(
            granted: granted,
            calls: [.init(method: "GET", url: "/me/messages"), .init(method: "GET", url: "/users/u1/messages")])
        #expect(!report.findings.contains { $0.kind == .uncovered }, "\(report.findings)")
        #expect(!report.findings.contains { $0.kind == .unused }, "\(report.findings)")
    }
}
