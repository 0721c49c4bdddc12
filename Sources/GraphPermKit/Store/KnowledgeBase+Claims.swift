import Foundation
import GRDB

extension KnowledgeBase {
    /// Resolves the permissions and role IDs of a token.
    public func claimsReport(_ jwt: JWT) throws -> ClaimsReport {
        let claims = TokenClaims(payload: jwt.payload)
        let scheme: Scheme = claims.kind == .application ? .application : .delegatedWork
        let sql = """
            SELECT coalesce(ps.admin_display_name, ps.user_display_name) FROM permission p
            JOIN permission_scheme ps ON ps.permission_id = p.id AND ps.scheme_id = ?
            WHERE p.name = ? COLLATE NOCASE
            """
        let permissions = try claims.permissions.map { name in
            (name, try read(sql) { db, sql in try String.fetchOne(db.cachedStatement(sql: sql), arguments: [scheme.id, name]) }?
                .trimmingCharacters(in: .whitespaces))
        }
        let roles = try adminRoles()
        return ClaimsReport(jwt: jwt, claims: claims, permissions: permissions,
                            roles: (claims.wids ?? []).map { wid in (wid, roles.first { $0.roleTemplateId == wid.lowercased() }?.name) })
    }
}
