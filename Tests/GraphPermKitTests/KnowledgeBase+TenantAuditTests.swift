import Foundation
import Testing
@testable import GraphPermCore
@testable import GraphPermJSON
@testable import GraphPermKit

/// A tenant export folder audited with a knowledge base's role names, the shipped tiers and the day given as today.
struct KnowledgeBaseTenantAuditTests {
    static let fixture = TemporaryFolder.fixture("tenant-export")

    static func secret(_ report: TenantAuditReport) -> TenantAuditReport.Finding? {
        report.apps.first { $0.displayName == "Contoso Mail Archiver" }?.findings.first { $0.name == "client secret" }
    }

    @Test func roleAssignmentsAreNamedFromTheKnowledgeBasesAdminRoles() throws {
        let report = try MiniKnowledgeBase.shared.auditTenant(folder: Self.fixture, today: "2026-08-07")
        let roles = report.apps.flatMap(\.findings).filter { $0.kind == "directoryRole" }
        // 88d8e3e3-8f55-4a1e-953a-9b9898b8876b, as the export gives it, is Directory Readers.
        #expect(roles.map(\.name) == ["Directory Readers"])
        #expect(report.summary.roleAssignments == 1 && report.summary.servicePrincipals == 4)
    }

    @Test func todayDecidesWhetherACredentialHasExpired() throws {
        let before = try #require(Self.secret(
            try MiniKnowledgeBase.shared.auditTenant(folder: Self.fixture, today: "2029-12-31")))
        #expect(before.detail == "prod: expires in 1 days; lifetime 3653 days; longer than two years")
        #expect(before.weight == 3)
        let after = try #require(Self.secret(
            try MiniKnowledgeBase.shared.auditTenant(folder: Self.fixture, today: "2030-01-02")))
        #expect(after.detail == "prod: expired 2030-01-01; lifetime 3653 days; longer than two years")
        #expect(after.weight == 4)
    }

    @Test func grantsAreTieredByTheShippedRules() throws {
        let report = try MiniKnowledgeBase.shared.auditTenant(folder: Self.fixture, today: "2026-08-07")
        let grants = report.apps.flatMap(\.findings).filter { $0.kind == "applicationPermission" }
        // Application.ReadWrite.All is an explicit Tier 0 entry of Data/tiers.json.
        let writer = try #require(grants.first { $0.name == "Application.ReadWrite.All" })
        #expect(writer.tier == 0 && writer.resource == "Microsoft Graph")
    }

    @Test func aFolderWithoutAnExportIsRefusedNamingTheFileItLacks() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let expected = LoadError.io(
            file: folder.path + "/servicePrincipals.json",
            message: "no such file: a tenant export folder holds servicePrincipals.json, oauth2PermissionGrants.json "
                + "and roleAssignments.json")
        #expect(throws: expected) { try MiniKnowledgeBase.shared.auditTenant(folder: folder.path, today: "2026-08-07") }
    }

    @Test func anEmptyTenantGivesAnEmptyReport() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for name in ["servicePrincipals.json", "oauth2PermissionGrants.json", "roleAssignments.json"] {
            _ = folder.file(name, #"{"value": []}"#)
        }
        let report = try MiniKnowledgeBase.shared.auditTenant(folder: folder.path, today: "2026-08-07")
        #expect(report.apps.isEmpty)
        #expect(report.summary.servicePrincipals == 0 && report.summary.appsWithChains == 0)
        #expect(report.summary.homeTenantId == nil)
    }
}
