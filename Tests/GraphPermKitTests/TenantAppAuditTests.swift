import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermJSON
@testable import GraphPermKit

/// `graphperm audit --tenant FOLDER --app APP --calls FILE`: one app of a tenant export against its calls, through
/// the same engine as `audit --granted`; the app chosen by id, appId or display name.
struct TenantAppAuditTests {
    static let graphID = "00000000-0000-0000-0000-0000000000aa"
    static let calendarSync = "00000000-0000-0000-0000-00000000000d"

    /// The fixture export plus "Contoso Calendar Sync": delegated Calendars.ReadWrite and SecurityEvents.Read.All
    /// for all users, an app role that no one defines, and an app role on another API; and a second app named
    /// "Contoso Twin" twice.
    static func writeTenant(_ folder: TemporaryFolder) {
        TenantAuditTests.writeTenant(folder)
        let principals = """
            {"value": [
              {"id": "\(calendarSync)", "appId": "00000000-0000-0000-0000-0000000000d1",
               "displayName": "Contoso Calendar Sync", "appRoleAssignments": [
                 {"appRoleId": "11111111-1111-1111-1111-111111111111", "resourceId": "\(graphID)"},
                 {"appRoleId": "22222222-2222-2222-2222-222222222222",
                  "resourceId": "00000000-0000-0000-0000-0000000000ee"}]},
              {"id": "00000000-0000-0000-0000-0000000000f1", "appId": "00000000-0000-0000-0000-0000000000f2",
               "displayName": "Contoso Twin"},
              {"id": "00000000-0000-0000-0000-0000000000f3", "appId": "00000000-0000-0000-0000-0000000000f4",
               "displayName": "contoso twin"},
              {"id": "00000000-0000-0000-0000-0000000000ee", "appId": "00000000-0000-0000-0000-0000000000e1",
               "displayName": "Contoso HR API"}
            ]}
            """
        _ = folder.file("servicePrincipals.3.json", principals)
        // Page 2 now continues in page 3.
        let second = folder.path + "/servicePrincipals.2.json"
        let text = (try? String(contentsOfFile: second, encoding: .utf8)) ?? ""
        _ = folder.file(
            "servicePrincipals.2.json", text.replacingOccurrences(of: "{", with: #"{"@odata.nextLink": "p3", "#,
                options: [], range: text.range(of: "{")))
        let grants = """
            {"value": [
              {"clientId": "00000000-0000-0000-0000-00000000000c", "consentType": "AllPrincipals",
               "resourceId": "\(graphID)", "scope": "User.Read Mail.Read"},
              {"clientId": "\(calendarSync)", "consentType": "AllPrincipals", "resourceId": "\(graphID)",
               "scope": "Calendars.ReadWrite"},
              {"clientId": "\(calendarSync)", "consentType": "Principal", "resourceId": "\(graphID)",
               "principalId": "00000000-0000-0000-0000-000000000123", "scope": "SecurityEvents.Read.All"},
              {"clientId": "\(calendarSync)", "consentType": "AllPrincipals",
               "resourceId": "00000000-0000-0000-0000-0000000000ee", "scope": "hr.read"}
            ]}
            """
        _ = folder.file("oauth2PermissionGrants.json", grants)
    }

    static let calls: [AppCalls.Call] = [
        .init(method: "GET", url: "/me/events"), .init(method: "GET", url: "/me/messages"),
    ]

    @Test(arguments: [calendarSync, "00000000-0000-0000-0000-0000000000D1", "contoso calendar sync", "CALENDAR"])
    func findsUnusedBroaderUncoveredAndUnknownGrants(app: String) throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let audit = try QueryFixture.knowledgeBase.auditTenantApp(folder: folder.path, app: app, calls: Self.calls)
        #expect(audit.app.id == Self.calendarSync)
        let kinds = audit.report.findings.map { "\($0.kind.rawValue): \($0.subject)" }
        #expect(
            kinds == [
                "unknown ID: 11111111-1111-1111-1111-111111111111 (appRoleId of Contoso Calendar Sync)",
                "other API: 00000000-0000-0000-0000-0000000000e1",
                "call not covered: GET /me/messages",
                "unused: SecurityEvents.Read.All",
                "broader than needed: Calendars.ReadWrite",
            ])
        let broader = audit.report.findings.first { $0.kind == .broader }
        #expect(broader?.detail.hasPrefix("replace with Calendars.Read") == true, "\(String(describing: broader))")
        #expect(audit.report.granted.delegated == ["Calendars.ReadWrite", "SecurityEvents.Read.All"])
    }

    /// The same holdings given to `audit --granted` as Graph's own documents give the same findings.
    @Test func agreesWithTheSingleAppAuditOfTheSameGrants() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let kb = QueryFixture.knowledgeBase
        let fromTenant = try kb.auditTenantApp(folder: folder.path, app: "Contoso Mail Archiver", calls: Self.calls)
        let grants = folder.file(
            "grants.json",
            #"{"value": [{"clientId": "c", "consentType": "AllPrincipals", "scope": "User.Read Mail.Read"}]}"#)
        var granted = GrantedPermissions()
        try GrantedPermissions.read(grants, kb: kb, into: &granted)
        granted.application = ["User.Read.All"]
        let direct = try kb.audit(granted: granted, calls: Self.calls)
        #expect(fromTenant.report.findings == direct.findings)
        #expect(fromTenant.report.findings.contains { $0.kind == .unused && $0.subject == "User.Read.All" })
    }

    @Test func aNameThatSeveralAppsShareOrNoneHasIsRefused() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let kb = QueryFixture.knowledgeBase
        #expect(
            throws: TenantAppChoiceError(
                description: "--app Contoso Twin: 2 service principals in \(folder.path) match (Contoso Twin (id "
                    + "00000000-0000-0000-0000-0000000000f1), contoso twin (id 00000000-0000-0000-0000-0000000000f3)): "
                    + "give its id")
        ) { try kb.auditTenantApp(folder: folder.path, app: "Contoso Twin", calls: Self.calls) }
        #expect(
            throws: TenantAppChoiceError(
                description: "--app Nobody: no service principal in \(folder.path) has this id, appId or display name, "
                    + "nor a display name containing it")
        ) { try kb.auditTenantApp(folder: folder.path, app: "Nobody", calls: Self.calls) }
    }

    @Test func theCommandLineNeedsAnAppForCallsAndPrintsEveryFormat() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let calls = folder.file("calls.txt", "GET /me/events\nGET /me/messages\n")
        let missing = try CommandRunner.run(["audit", "--tenant", folder.path, "--calls", calls])
        #expect(missing.status == 64 && missing.stderr.contains("--calls FILE needs --app APP"), "\(missing.stderr)")
        let ambiguous = try CommandRunner.run([
            "audit", "--tenant", folder.path, "--calls", calls, "--app", "contoso twin",
        ])
        #expect(ambiguous.status == 64 && ambiguous.stderr.contains("2 service principals"), "\(ambiguous.stderr)")
        for format in ["json", "md", "csv"] {
            let result = try CommandRunner.run([
                "audit", "--tenant", folder.path, "--calls", calls, "--app", "Contoso Mail Archiver",
                "--format", format,
            ])
            #expect(result.status == 1, "problems found: exit 1 (\(result.stderr))")
            #expect(
                result.stderr.contains("auditing Contoso Mail Archiver (appId 00000000-0000-0000-0000-0000000000c1"))
            #expect(result.stdout.contains("User.Read.All"), "\(format): \(result.stdout)")
        }
    }
}
