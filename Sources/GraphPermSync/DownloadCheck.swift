import GraphPermStore
import Foundation
import GraphPermKit

/// Checks that a downloaded file is what it must be before anything is loaded from it: the right kind of
/// document, and not empty.
///
///     try DownloadCheck.check(Array(#"{"permissions": {}}"#.utf8), expected: .permissionsDocument, source: "p.json")
///     // throws: p.json: expected a permissions document with permissions and paths, found 0 permissions, 0 paths
package enum DownloadCheck {
    /// How many entries the file holds (permissions, deployments or scopes).
    @discardableResult
    package static func check(_ bytes: [UInt8], expected: DocumentKind, source: String) throws -> Int {
        let kind: DocumentKind
        do {
            kind = try KnowledgeLoader.kind(of: bytes, file: source)
        } catch let error as LoadError {
            let isSyntax = if case .data(_, let place, _) = error { place.hasPrefix("line ") } else { false }
            let what = isSyntax ? "not valid JSON" : "not a permission file"
            throw SyncError(
                source: source, message: "expected \(name(expected)), the download is \(what) (\(detail(error)))",
                kind: .badContent)
        }
        guard kind == expected else {
            throw SyncError(
                source: source, message: "expected \(name(expected)), found \(name(kind))", kind: .badContent)
        }
        guard case .object(let root)? = try? JSONParser.parse(bytes) else { return 0 }
        switch expected {
        case .permissionsDocument:
            let permissions = members(root["permissions"])
            let paths = permissions.reduce(0) { total, permission in
                guard case .object(let body) = permission.value, case .array(let sets)? = body["pathSets"] else {
                    return total
                }
                return total
                    + sets.reduce(0) { count, set in
                        guard case .object(let pathSet) = set else { return count }
                        return count + members(pathSet["paths"]).count
                    }
            }
            guard !permissions.isEmpty, paths > 0 else {
                throw empty(
                    source, "a permissions document with permissions and paths",
                    "\(permissions.count) permissions, \(paths) paths")
            }
            return permissions.count
        case .provisioningInfo:
            let deployments = members(root["permissionDeployments"]).count
            guard deployments > 0 else {
                throw empty(
                    source, "provisioningInfo with permissionDeployments", "no permission in permissionDeployments")
            }
            return deployments
        case .permissionDescriptions:
            let lists = ["delegatedScopesList", "applicationScopesList"].compactMap { key -> (String, Int)? in
                guard let value = root[key] else { return nil }
                if case .array(let scopes) = value { return (key, scopes.count) }
                return (key, 0)
            }
            if let bare = lists.first(where: { $0.1 == 0 }) ?? (lists.isEmpty ? ("scope lists", 0) : nil) {
                throw empty(source, "permission descriptions with non-empty scope lists", "an empty \(bare.0)")
            }
            return lists.reduce(0) { $0 + $1.1 }
        default:
            return 0
        }
    }

    private static func members(_ value: JSONValue?) -> [(key: String, value: JSONValue)] {
        if case .object(let object)? = value { return object.members }
        return []
    }

    private static func empty(_ source: String, _ expected: String, _ found: String) -> SyncError {
        SyncError(source: source, message: "expected \(expected), found \(found)", kind: .badContent)
    }

    private static func detail(_ error: LoadError) -> String {
        switch error {
        case .data(_, let place, let message): "\(place): \(message)"
        case .io(_, let message): message
        }
    }

    static func name(_ kind: DocumentKind) -> String {
        switch kind {
        case .permissionsDocument: "a permissions document"
        case .provisioningInfo: "provisioningInfo"
        case .permissionDescriptions: "permission descriptions"
        case .servicePrincipal: "a service principal"
        case .securityEntities: "a security entity table"
        case .adminRoles: "an admin role table"
        }
    }
}
