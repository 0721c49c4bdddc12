import Testing
import GraphPermCore
import GraphPermKit

/// The audit rendered: rows, JSON and the pull-request summary with the corrected manifest.
@Suite struct AuditReportOutputTests {
    static func report(delegated: [String], calls: [String]) throws -> AuditReport {
        var granted = GrantedPermissions()
        granted.delegated = delegated
        let parsed = try AppCalls.parse(calls.joined(separator: "\n"), file: "calls.txt")
        return try MiniKnowledgeBase.shared.audit(granted: granted, calls: parsed)
    }

    @Test func problemsGoInATableAndTheManifestFollows() throws {
        let report = try Self.report(delegated: ["Mail.ReadWrite"], calls: ["GET /me/messages"])
        let markdown = report.markdown
        #expect(markdown.hasPrefix("## Microsoft Graph permissions audit\n\nGranted: 1 delegated, 0 application;"
            + " 1 calls checked.\n\n|finding|type|subject|detail|tier|\n|:---|:---|:---|:---|:---|\n"
            + "|broader than needed|DelegatedWork|Mail.ReadWrite|replace with Mail.Read (less privileged, and enough"
            + " for these calls)|T"))
        #expect(markdown.hasSuffix("\nThe manifest's `requiredResourceAccess`, corrected:\n\n```json\n"
            + #"{"requiredResourceAccess":[{"resourceAppId":"00000003-0000-0000-c000-000000000000","#
            + #""resourceAccess":[{"id":"570282fd-fa5c-430d-a7fd-fc8dc98a9dca","type":"Scope"}]}]}"#
            + "\n```\n"))
    }

    @Test func noProblemsSaysSoAndListsWhatIsKept() throws {
        let report = try Self.report(delegated: ["Mail.Read", "openid"], calls: ["GET /me/messages"])
        #expect(report.problems.isEmpty)
        #expect(report.markdown.contains("No findings: every call is covered and every permission is needed at its"
            + " least privilege.\n\n|finding|type|subject|detail|tier|\n"))
        #expect(report.markdown.contains("|sign-in scope|DelegatedWork|openid|"))
        #expect(!report.markdown.contains("corrected"))
    }

    @Test func jsonHasGrantedCallsFindingsAndTheSuggestion() throws {
        let report = try Self.report(delegated: ["Mail.Read"], calls: ["POST /me/messages"])
        let json = report.json
        #expect(json.hasPrefix(#"{"granted":{"delegated":["Mail.Read"],"application":[]},"calls":1,"findings":["#
            + #"{"kind":"call not covered","scheme":"DelegatedWork","subject":"POST /me/messages","#
            + #""detail":"no granted permission allows it (403); least privileged: Mail.ReadWrite","tier":null},"#
            + #"{"kind":"unused","scheme":"DelegatedWork","subject":"Mail.Read","#
            + #""detail":"no call needs it: remove it","tier":"#))
        #expect(json.contains(#""suggested":{"requiredResourceAccess":[{"#))
        #expect(report.tabular.rows.map { Array($0.prefix(3)) } == [
            ["call not covered", "DelegatedWork", "POST /me/messages"], ["unused", "DelegatedWork", "Mail.Read"],
        ])
    }
}
