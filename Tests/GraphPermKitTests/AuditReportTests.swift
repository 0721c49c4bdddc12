import Testing
import GraphPermCore
import GraphPermKit

/// `audit` against the mini knowledge base: granted permissions weighed against the calls an app makes.
@Suite struct AuditReportTests {
    let kb = MiniKnowledgeBase.shared

    static func granted(delegated: [String] = [], application: [String] = []) -> GrantedPermissions {
        var granted = GrantedPermissions()
        granted.delegated = delegated
        granted.application = application
        return granted
    }

    static func describe(_ findings: [AuditReport.Finding]) -> [String] {
        findings.map { "\($0.kind.rawValue) \($0.scheme?.rawValue ?? "-") \($0.subject): \($0.detail)" }
    }

    @Test func unusedBroaderAndSignInScopes() throws {
        let report = try kb.audit(
            granted: Self.granted(delegated: ["Mail.ReadWrite", "openid", "User.Read.All", "openid"]),
            calls: [AppCalls.Call(method: "GET", url: "/me/messages")])
        #expect(Self.describe(report.findings) == [
            "sign-in scope DelegatedWork openid: OpenID Connect: needed to sign users in or refresh tokens, not for"
                + " Graph calls; keep it",
            "unused DelegatedWork User.Read.All: no call needs it: remove it",
            "broader than needed DelegatedWork Mail.ReadWrite: replace with Mail.Read (less privileged, and enough"
                + " for these calls)",
        ])
        #expect(report.problems.map(\.kind) == [.unused, .broader])
        #expect(report.callCount == 1)
        // The manifest as it should be: Mail.Read's delegated ID (openid has none in this knowledge base).
        #expect(report.suggestedRequiredResourceAccess == #"{"requiredResourceAccess":[{"#
            + #""resourceAppId":"00000003-0000-0000-c000-000000000000","#
            + #""resourceAccess":[{"id":"570282fd-fa5c-430d-a7fd-fc8dc98a9dca","type":"Scope"}]}]}"#)
    }

    @Test func aCallNoGrantedPermissionAllowsIsUncovered() throws {
        let report = try kb.audit(granted: Self.granted(delegated: ["Mail.Read"]),
                                  calls: [AppCalls.Call(method: "POST", url: "/me/messages"),
                                          AppCalls.Call(method: "GET", url: "/nowhere")])
        #expect(Self.describe(report.findings) == [
            "call not covered - GET /nowhere: Microsoft's permission data documents no permission for GET /nowhere",
            "call not covered DelegatedWork POST /me/messages: no granted permission allows it (403); least"
                + " privileged: Mail.ReadWrite",
            "unused DelegatedWork Mail.Read: no call needs it: remove it",
        ])
    }

    @Test func anApplicationPermissionCoversItsCalls() throws {
        let report = try kb.audit(granted: Self.granted(application: ["Mail.Read"]),
                                  calls: [AppCalls.Call(method: "GET", url: "/users/u1/messages")])
        #expect(report.problems.isEmpty)
        #expect(report.suggestedRequiredResourceAccess?.contains(
            #"{"id":"810c84a8-4a9e-49e6-bf7d-12d183f40d01","type":"Role"}"#) == true)
    }

    @Test func withoutCallsOnlyTheManifestIsRead() throws {
        var granted = Self.granted(delegated: ["profile"])
        granted.unknownIDs = ["0000 (Scope in app.json)"]
        let report = try kb.audit(granted: granted, calls: [])
        #expect(report.findings.map(\.kind) == [.unknownID, .signIn])
        #expect(report.suggestedRequiredResourceAccess == nil && report.callCount == 0)
        #expect(report.findings[0].tier == nil)
    }
}
