import GraphPermPlatform
import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// Resolves the permissions and role IDs of a token.
    package func claimsReport(_ jwt: JWT) throws -> ClaimsReport {
        let claims = TokenClaims(payload: jwt.payload)
        let scheme: Scheme = claims.kind == .application ? .application : .delegatedWork
        let permissions = try claims.permissions.map { name in
            (name, try store.displayText(name, scheme: scheme)?.trimmed())
        }
        let roles = try adminRoles()
        return ClaimsReport(jwt: jwt, claims: claims, permissions: permissions,
            roles: (claims.wids ?? []).map { wid in (wid, roles.first { $0.roleTemplateId == wid.lowercased() }?.name) }
        )
    }
}
