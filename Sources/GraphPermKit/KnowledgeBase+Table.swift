import GraphPermPlatform
import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// The documentation table for `method` on one URL, or several joined by `;`.
    public func permissionTable(method rawMethod: String, urls: String) throws -> PermissionTable {
        let method = rawMethod.uppercased()
        guard PermissionsDocumentLoader.knownMethods.contains(method) else { throw LookupError.badMethod(rawMethod) }
        let targets = urls.split(separator: ";").map { $0.trimmed() }.filter { !$0.isEmpty }
        var tables: [PermissionTable] = []
        var firstError: (any Error)? = nil
        for target in targets {
            do {
                let resolved = try resolve(method: method, target: target)
                let claims = try claimSet(templateIDs: resolved.ids)
                guard claims.supports(method: method) else {
                    throw LookupError.unsupportedMethod(
                        method: method, template: resolved.templates[0], supported: claims.methods)
                }
                tables.append(PermissionTable(method: method, claims: claims))
            } catch {
                if targets.count == 1 { throw error }
                firstError = firstError ?? error
            }
        }
        guard !tables.isEmpty else { throw firstError ?? LookupError.unknownPath(urls, suggestions: []) }
        return tables.count == 1 ? tables[0] : PermissionTable.merged(tables)
    }
}
