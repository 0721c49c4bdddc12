import Foundation
import GraphPermCore
import GraphPermJSON

/// Reads the project's own facts in `Data/`: the Graph Security API authorization table and the Entra admin roles
/// that the Security API accepts for delegated calls, and the risk-tier rules.
package enum EmbeddedDataLoader {
    package static let securityFile = "security-entities.csv"
    package static let rolesFile = "admin-roles.csv"
    package static let tiersFile = "tiers.json"
    package static let securityHeader = ["permission", "entity", "resource_path", "methods", "preview", "doc_link"]
    package static let rolesHeader = ["role", "role_template_id", "security_api"]

    package static func load(from directory: ResourceFolder, into facts: inout KnowledgeFacts) throws(LoadError) {
        let securityPath = directory.location(of: securityFile)
        let securityBytes = try directory.bytes(of: securityFile)
        facts.securityEntities = try securityEntities(
            String(decoding: securityBytes, as: UTF8.self), file: securityPath)
        facts.provenance.append(SourceFile.provenance(.securityEntities, path: securityPath, securityBytes))

        let rolesPath = directory.location(of: rolesFile)
        let rolesBytes = try directory.bytes(of: rolesFile)
        facts.adminRoles = try adminRoles(String(decoding: rolesBytes, as: UTF8.self), file: rolesPath)
        facts.provenance.append(SourceFile.provenance(.adminRoles, path: rolesPath, rolesBytes))

        facts.tierRules = try TierRules.parse(
            try directory.bytes(of: tiersFile), file: directory.location(of: tiersFile))
    }

    package static func securityEntities(_ text: String, file: String) throws(LoadError) -> [SecurityEntity] {
        var entities: [SecurityEntity] = []
        for (line, fields) in try CSVReader.records(of: text, file: file, header: securityHeader) {
            let place = "record \(line)"
            let methods = fields[3].split(separator: " ").map(String.init)
            guard !fields[0].isEmpty, !fields[1].isEmpty, fields[2].hasPrefix("/security/"),
                  !methods.isEmpty, methods.allSatisfy(PermissionsDocumentLoader.knownMethods.contains),
                  ["yes", "no"].contains(fields[4]) else {
                throw LoadError.data(file: file, place: place,
                                     message: "expected a permission, an entity, a path under /security/, methods"
                                         + " separated by spaces (GET POST PATCH DELETE), yes or no, and a link")
            }
            entities.append(SecurityEntity(permission: fields[0], entity: fields[1], resourcePath: fields[2],
                                           methods: methods, isPreview: fields[4] == "yes", docLink: fields[5],
                                           position: line))
        }
        return entities
    }

    package static func adminRoles(_ text: String, file: String) throws(LoadError) -> [AdminRole] {
        var roles: [AdminRole] = []
        for (line, fields) in try CSVReader.records(of: text, file: file, header: rolesHeader) {
            let place = fields[2].isEmpty ? nil : Int(fields[2])
            guard !fields[0].isEmpty, GUID.isValid(fields[1]), fields[2].isEmpty || place != nil else {
                throw LoadError.data(file: file, place: "record \(line)",
                                     message: "expected a role name, a role template ID (a GUID) and the Security"
                                         + " API's place (1-3) or nothing")
            }
            roles.append(AdminRole(name: fields[0], roleTemplateId: fields[1].lowercased(),
                                   securityAPIPosition: place, position: line))
        }
        return roles
    }
}
