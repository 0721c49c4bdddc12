/// Grants derived from the Graph Security API authorization table, for the templates Microsoft's permissions
/// document does not have (or all of them when it is not loaded). Each entity has a collection template
/// (`/security/alerts`: GET, POST) and an item template (`/security/alerts/{id}`: GET, PATCH, PUT, DELETE);
/// the permission with the least operation (Read before ReadWrite) is marked least.
package enum SecurityTableGrants {
    package static func derive(from entities: [SecurityEntity], existingKeys covered: Set<String>) -> [Grant] {
        var candidates: [String: [(permission: String, template: String)]] = [:]
        var order: [String] = []
        for entity in entities {
            for method in entity.methods {
                var templates: [String] = []
                if method == "GET" || method == "POST" { templates.append(entity.resourcePath) }
                if method != "POST" { templates.append(entity.resourcePath + "/{id}") }
                for template in templates {
                    let key = template + " " + method
                    guard !covered.contains(TemplateKey.of(template)) else { continue }
                    if candidates[key] == nil { order.append(key) }
                    candidates[key, default: []].append((entity.permission, template))
                }
            }
        }
        var grants: [Grant] = []
        for key in order {
            let method = String(key.split(separator: " ").last!)
            let entries = candidates[key]!
            let ranks = entries.map { PermissionName($0.permission) }.map { $0.operationRank * 10 + $0.constraintRank }
            let lowest = ranks.min()!
            for (entry, rank) in zip(entries, ranks) {
                for scheme in [Scheme.delegatedWork, .application] {
                    grants.append(
                        Grant(
                            permission: entry.permission, scheme: scheme, method: method, template: entry.template,
                                        isLeast: rank == lowest, claimOrder: 999, source: .securityTable))
                }
            }
        }
        return grants
    }
}
