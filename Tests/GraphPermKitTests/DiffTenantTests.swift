import Foundation
import Testing

@testable import GraphPermCore

/// `graphperm diff OLD NEW --tenant FOLDER` run as a user runs it: a bad folder is a located error, and on the real
/// snapshots every app it names is checked against the export's raw JSON and the diff's own lists.
@Suite(.serialized)
struct DiffTenantTests {
    static let mini = TemporaryFolder.fixture("mini-permissions.json")

    @Test func aMissingExportIsAnIOErrorNamingTheFile() throws {
        let result = try CommandRunner.run(["diff", Self.mini, Self.mini, "--tenant", "/nonexistent-export"])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("/nonexistent-export/servicePrincipals.json"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aDiffWithNoChangesTouchesNoApp() throws {
        let export = TemporaryFolder.fixture("tenant-export")
        let json = try CommandRunner.run(["diff", Self.mini, Self.mini, "--tenant", export])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.hasSuffix(#","tenant":{"servicePrincipals":4,"appsAffected":0,"apps":[]}}"# + "\n"))
        let markdown = try CommandRunner.run(["diff", Self.mini, Self.mini, "--tenant", export, "--format", "md"])
        #expect(markdown.stdout.hasSuffix("None of the 4 service principals holds a permission this diff touches.\n"))
    }

    /// 2025-10-29 → 2026-08-07 with a synthetic export of 2,000 apps (`Scripts/make_tenant_export.py`, seed 1): the
    /// apps named are exactly those that, by the export's raw JSON, hold a Microsoft Graph permission the diff's
    /// own lists say was removed, raised toward Tier 0, or is no longer least for a call it still grants.
    @Test(.enabled(if: SnapshotHistory.isAvailable, SnapshotHistory.skipMessage))
    func theAppsNamedAreThoseTheRawExportAndTheDiffListsGive() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let export = folder.path + "/tenant"
        let script = DocumentationExamplesTests.root.appendingPathComponent("Scripts/make_tenant_export.py").path
        let made = try CommandRunner.execute(
            SnapshotHistory.python!, [script, "--apps", "2000", "--seed", "1", export], environment: [:],
            directory: nil, stdin: "")
        #expect(made.status == 0, "\(made.stderr)")
        var sides: [String] = []
        for (name, file) in [
            ("old", SnapshotHistory.folder + "/permissions-2025-10-29.json"),
            ("new", SnapshotData.directory + "/permissions.json"),
        ] {
            try FileManager.default.createDirectory(atPath: folder.path + "/" + name, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: folder.path + "/\(name)/permissions.json", withDestinationPath: file)
            sides.append(folder.path + "/" + name)
        }
        let result = try CommandRunner.run(["diff", sides[0], sides[1], "--tenant", export])
        #expect(result.status == 0, "\(result.stderr)")
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let expected = try Self.affectedApps(export: export, diff: diff)
        let tenant = try #require(diff["tenant"] as? [String: Any])
        let apps = try #require(tenant["apps"] as? [[String: Any]])
        let found = Set(apps.compactMap { $0["id"] as? String })
        #expect(found == expected, "\(found.count) apps named, \(expected.count) expected")
        #expect(!found.isEmpty, "this export and these snapshots have apps whose grants are broader than needed")
        #expect(tenant["servicePrincipals"] as? Int == 2002)
    }

    /// The ids of the service principals holding, by the raw export, a Microsoft Graph permission that `diff`'s
    /// `permissions.removed`, `tiers.changed` (raised) or `least.changed` (lost its marker to another, still granted)
    /// names.
    static func affectedApps(export: String, diff: [String: Any]) throws -> Set<String> {
        func value(_ name: String) throws -> [[String: Any]] {
            let data = try Data(contentsOf: URL(fileURLWithPath: export + "/" + name))
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["value"] as? [[String: Any]] ?? []
        }
        let principals = try value("servicePrincipals.json")
        let graph = try #require(principals.first { $0["appId"] as? String == MicrosoftGraph.appId })
        let graphId = try #require(graph["id"] as? String)
        var roles: [String: String] = [:]
        for role in graph["appRoles"] as? [[String: Any]] ?? [] {
            if let id = role["id"] as? String, let name = role["value"] as? String { roles[id] = name }
        }
        var held: [String: Set<String>] = [:]  // principal id → "permission|scheme"
        for principal in principals {
            guard let id = principal["id"] as? String else { continue }
            for assignment in principal["appRoleAssignments"] as? [[String: Any]] ?? []
            where assignment["resourceId"] as? String == graphId {
                if let name = roles[assignment["appRoleId"] as? String ?? ""] {
                    held[id, default: []].insert(name + "|Application")
                }
            }
        }
        for grant in try value("oauth2PermissionGrants.json") where grant["resourceId"] as? String == graphId {
            let scopes = (grant["scope"] as? String ?? "").split(separator: " ")
            for scope in scopes {
                held[grant["clientId"] as? String ?? "", default: []].insert(scope + "|DelegatedWork")
            }
        }
        func list(_ kind: String, _ change: String) -> [[String: Any]] {
            (diff[kind] as? [String: Any])?[change] as? [[String: Any]] ?? []
        }
        let removedNames = Set((diff["permissions"] as? [String: Any])?["removed"] as? [String] ?? [])
        var touched = Set<String>()
        for change in list("tiers", "changed") where change["direction"] as? String == "raised" {
            touched.insert("\(change["permission"]!)|\(change["scheme"]!)")
        }
        let grantsRemoved = Set(
            list("grants", "removed").map { grant in
                ["permission", "method", "template", "scheme"].map { "\(grant[$0]!)" }.joined(separator: "|")
            })
        for change in list("least", "changed") {
            let before = change["before"] as? [String] ?? []
            let after = change["after"] as? [String] ?? []
            for name in before where !after.isEmpty && !after.contains(name) {
                let grant = "\(name)|\(change["method"]!)|\(change["template"]!)|\(change["scheme"]!)"
                if !grantsRemoved.contains(grant) { touched.insert("\(name)|\(change["scheme"]!)") }
            }
        }
        return Set(
            held.filter { _, grants in
                grants.contains { touched.contains($0) || removedNames.contains(String($0.split(separator: "|")[0])) }
            }.keys)
    }
}
