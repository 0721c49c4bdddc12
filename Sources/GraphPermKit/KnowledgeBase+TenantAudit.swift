import GraphPermPlatform
import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// Audits the tenant export in `folder` (see `TenantExport.read(folder:)`): per app its tier, score, findings
    /// and chains to Global Administrator, worst first. `today` (`YYYY-MM-DD`) dates credential expiry.
    ///
    ///     let report = try kb.auditTenant(folder: "tenant", today: "2026-08-07")
    ///     report.apps[0].score   // the highest
    package func auditTenant(folder: String, today: String) throws -> TenantAuditReport {
        let export = try TenantExport.read(folder: folder)
        let rules = try ShippedTiers.rules()
        var roleNames: [String: String] = [:]
        for role in try store.adminRoles() { roleNames[role.roleTemplateId] = role.name }
        return TenantAudit(export: export, tier: { rules.tier(of: $0, scheme: $1) }, roleNames: roleNames, today: today)
            .run()
    }
}
