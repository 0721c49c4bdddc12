import Testing
import GraphPermJSON
@testable import GraphPermCore
import GraphPermKit

/// A tenant audit rendered: one row per app, the report a person reads, and the JSON.
@Suite struct TenantAuditReportOutputTests {
    static let roleManagement = "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8"

    static func principal(_ id: String, _ name: String, appId: String, roles: [(id: String, value: String)] = [],
                          assignments: [TenantExport.AppRoleAssignment] = []) -> TenantExport.ServicePrincipal {
        TenantExport.ServicePrincipal(
            id: id, appId: appId, displayName: name, appOwnerOrganizationId: nil, servicePrincipalType: nil,
            signInAudience: nil, credentials: [], appRoles: roles, appRoleAssignments: assignments, owners: nil)
    }

    static let report: TenantAuditReport = {
        let export = TenantExport(
            servicePrincipals: [
                principal("g", "Microsoft Graph", appId: MicrosoftGraph.appId,
                          roles: [(roleManagement, "RoleManagement.ReadWrite.Directory")]),
                principal("a", "Role | Admin App", appId: "aa",
                          assignments: [TenantExport.AppRoleAssignment(appRoleId: roleManagement, resourceId: "g")]),
            ],
            delegatedGrants: [], roleAssignments: [])
        let tier: (String, Scheme) -> PermissionTier? = { name, _ in
            name == "RoleManagement.ReadWrite.Directory"
                ? PermissionTier(tier: 0, tierForUser: 0, basis: .explicit, source: name, reason: "assigns roles",
                                 impact: "globalAdmin", attackPath: "assign itself Global Administrator",
                                 preconditions: [])
                : nil
        }
        return TenantAudit(export: export, tier: tier, roleNames: [:], today: "2026-08-07").run()
    }()

    @Test func theWorstAppComesFirstWithItsTierZeroFindings() throws {
        let rows = Self.report.tabular.rows
        #expect(Self.report.tabular.columns
            == ["score", "tier", "app", "party", "tier 0 findings", "tier 1 findings", "chain", "id"])
        #expect(rows.count == 2)
        #expect(Array(rows[0][1...2]) == ["T0", "Role | Admin App"])
        #expect(rows[0][4] == "RoleManagement.ReadWrite.Directory" && rows[0][5] == "0" && rows[0][7] == "a")
        #expect(Int(rows[0][0]) ?? 0 >= 100)
        #expect(Array(rows[1][1...2]) == ["T2", "Microsoft Graph"])
    }

    @Test func theReportListsTierZeroAppsWithTheirFindings() {
        let markdown = Self.report.markdown
        #expect(markdown.hasPrefix("# Tenant app audit\n\n2 service principals: 1 at Tier 0, 0 at Tier 1, 1 at"
            + " Tier 2; 0 reach Global Administrator through other apps. "))
        #expect(markdown.contains("\n\nScoring: " + TenantAuditReport.scoring + "\n\n"))
        #expect(markdown.contains("## Apps at Tier 0 or 1 (1)\n\n|score|tier|app|party|tier 0 findings|"
            + "tier 1 findings|chain|id|\n|:---|:---|:---|:---|:---|:---|:---|:---|\n|"))
        // A pipe in a name is escaped in every table cell and heading.
        #expect(markdown.contains("|T0|Role \\| Admin App|"))
        #expect(markdown.contains("\n### Role \\| Admin App (score "))
        #expect(markdown.contains("- T0 applicationPermission **RoleManagement.ReadWrite.Directory**: assign itself"
            + " Global Administrator\n"))
        #expect(!markdown.contains("### Microsoft Graph"))
    }

    @Test func jsonIsOneDocumentWithTheSummaryFirst() throws {
        let json = Self.report.json
        #expect(json.hasPrefix(#"{"summary":{"servicePrincipals":2,"appsByTier":{"0":1,"1":0,"2":1},"#))
        guard case .object(let root) = try JSONParser.parse(Array(json.utf8)),
            case .array(let apps)? = root["apps"], case .object(let first)? = apps.first,
            case .array(let findings)? = first["findings"], case .object(let finding)? = findings.first
        else {
            Issue.record("the JSON has no apps with findings")
            return
        }
        #expect(first["displayName"] == .string("Role | Admin App") && first["tier"] == .number(0))
        #expect(finding["name"] == .string("RoleManagement.ReadWrite.Directory"))
        #expect(finding["attackPath"] == .string("assign itself Global Administrator"))
        #expect(finding["consentType"] == .null && finding["preconditions"] == .array([]))
    }
}
