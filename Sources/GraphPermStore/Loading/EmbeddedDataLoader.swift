import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// Reads the project's own facts in `Data/`: the Graph Security API authorization table and the Entra admin roles
/// that the Security API accepts for delegated calls, and the risk-tier rules.
package enum EmbeddedDataLoader {
    package static let securityFile = "security-entities.json"
    package static let rolesFile = "admin-roles.json"
    package static let tiersFile = "tiers.json"

    package static func load(from directory: ResourceFolder, into facts: inout KnowledgeFacts) throws(LoadError) {
        let securityPath = directory.location(of: securityFile)
        let securityBytes = try directory.bytes(of: securityFile)
        facts.securityEntities = try securityEntities(securityBytes, file: securityPath)
        facts.provenance.append(SourceFile.provenance(.securityEntities, path: securityPath, securityBytes))

        let rolesPath = directory.location(of: rolesFile)
        let rolesBytes = try directory.bytes(of: rolesFile)
        facts.adminRoles = try adminRoles(rolesBytes, file: rolesPath)
        facts.provenance.append(SourceFile.provenance(.adminRoles, path: rolesPath, rolesBytes))

        facts.tierRules = try TierRules.parse(
            try directory.bytes(of: tiersFile), file: directory.location(of: tiersFile))
    }

    /// `{"about": "...", "entities": [{"permission", "entity", "resourcePath", "methods", "preview", "docLink"}]}`.
    package static func securityEntities(_ bytes: [UInt8], file: String) throws(LoadError) -> [SecurityEntity] {
        let root = try document(bytes, file: file, list: "entities")
        var entities: [SecurityEntity] = []
        for (index, entry) in try root["entities"].elements().enumerated() {
            try entry.checkKeys(["permission", "entity", "resourcePath", "methods", "preview", "docLink"])
            let path = try entry["resourcePath"].string()
            guard path.hasPrefix("/security/") else { throw entry["resourcePath"].failure("a path under /security/") }
            let methods = try entry["methods"].strings()
            guard !methods.isEmpty, methods.allSatisfy(PermissionsDocumentLoader.knownMethods.contains) else {
                throw entry["methods"].failure("HTTP methods such as [\"GET\", \"POST\"]")
            }
            entities.append(
                SecurityEntity(
                    permission: try entry["permission"].permissionName(), entity: try entry["entity"].string(),
                    resourcePath: path, methods: methods, isPreview: try entry["preview"].bool(),
                    docLink: try entry["docLink"].string(), position: index + 1))
        }
        return entities
    }

    /// `{"about": "...", "roles": [{"role", "roleTemplateId", "securityApi": 1-3 or null}]}`.
    package static func adminRoles(_ bytes: [UInt8], file: String) throws(LoadError) -> [AdminRole] {
        let root = try document(bytes, file: file, list: "roles")
        var roles: [AdminRole] = []
        for (index, entry) in try root["roles"].elements().enumerated() {
            try entry.checkKeys(["role", "roleTemplateId", "securityApi"])
            let name = try entry["role"].string()
            guard !name.isEmpty else { throw entry["role"].failure("a role name") }
            let place = try entry["securityApi"].optionalInt()
            guard place.map({ (1...3).contains($0) }) ?? true else {
                throw entry["securityApi"].failure("1, 2, 3 or null")
            }
            roles.append(
                AdminRole(
                    name: name, roleTemplateId: try entry["roleTemplateId"].guid().lowercased(),
                    securityAPIPosition: place, position: index + 1))
        }
        return roles
    }

    /// The strictly parsed document: an object with a text `about` and the array `list`.
    private static func document(_ bytes: [UInt8], file: String, list: String) throws(LoadError) -> JSONReader {
        let root = try JSONReader.parse(bytes, file: file)
        try root.checkKeys(["about", list])
        _ = try root["about"].string()
        return root
    }
}
