import Foundation
import Testing

/// Risk tiers on the explorer's pages: a permission's page gives its tier per permission type with the reason, the
/// delegated tiers when an admin and when a user signs in, and for Tier 0 the attack path and its preconditions, as
/// `Data/tiers.json` states them (read here on its own); least-privilege lists carry a tier badge beside each name.
@Suite(.serialized, .enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
final class ServeTierPagesTests {
    let server: ServerProcess
    let db = SnapshotData.knowledgeBase.location

    init() throws {
        server = try ServerProcess(["--db", SnapshotData.knowledgeBase.location])
    }

    deinit { server.stop() }

    /// `Data/tiers.json`, read with Foundation's JSON parser.
    static func tierData() throws -> [String: Any] {
        let url = DocumentationExamplesTests.root.appendingPathComponent("Data/tiers.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(arguments: ["RoleManagement.ReadWrite.Directory", "AdministrativeUnit.ReadWrite.All"])
    func tierZeroPagesGiveTheAttackPathAndPreconditions(_ name: String) throws {
        let data = try Self.tierData()
        let explicit = try #require(data["explicit"] as? [[String: Any]])
        let entry = try #require(explicit.first { $0["permission"] as? String == name })
        #expect(entry["tier"] as? Int == 0)
        let meanings = try #require(data["preconditions"] as? [String: String])
        let page = try server.get("/permissions/\(name)")
        #expect(page.status == 200)
        #expect(page.body.contains("<h2 id=\"tier\">Risk tier</h2>"))
        #expect(page.body.contains("<span class=\"tier t0\">T0</span>"), "Application is Tier 0 outright")
        // Delegated: Tier 0 when an admin signs in, lower for an ordinary user.
        #expect(page.body.contains("<span class=\"tier t0\">T0/T1</span></td><td>T0</td><td>T1</td>"))
        let attackPath = try #require(entry["attackPath"] as? String)
        #expect(page.body.contains("<dt>Attack path</dt><dd>\(Self.escape(attackPath))</dd>"))
        let impact = try #require(entry["impact"] as? String)
        #expect(page.body.contains("<dt>Outcome</dt><dd>\(impact)"))
        let preconditions = entry["preconditions"] as? [String] ?? []
        if preconditions.isEmpty {
            #expect(page.body.contains("none: the path works in any tenant"))
        }
        for key in preconditions {
            let meaning = try #require(meanings[key])
            #expect(page.body.contains("<li><code>\(key)</code>: \(Self.escape(meaning))</li>"), "\(name): \(key)")
        }
        // One block for the attack path, naming both permission types it applies to.
        #expect(page.body.components(separatedBy: "<div class=\"tier0\">").count == 2)
        #expect(page.body.contains("Tier 0 (Delegated (work or school account); Application)"))
    }

    @Test func aLowerTierPageGivesItsRuleAndReason() throws {
        let page = try server.get("/permissions/User.Read")
        #expect(page.status == 200)
        #expect(page.body.contains("<h2 id=\"tier\">Risk tier</h2>"))
        #expect(!page.body.contains("class=\"tier0\""))
        #expect(page.body.contains("<span class=\"tier t2\">T2</span>"))
        let show = try CommandRunner.run(["show", "User.Read", "--format", "json"], environment: ["GRAPHPERM_DB": db])
        let card = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        let schemes = try #require(card["schemes"] as? [String: [String: Any]])
        for (_, entry) in schemes {
            let reason = try #require(entry["tierReason"] as? String)
            #expect(page.body.contains("<td>\(Self.escape(reason))</td>"))
        }
    }

    /// Beside each permission of a least-privilege answer, its tier as the CLI's JSON gives it.
    @Test(arguments: ["/me/messages", "/users/{id}/memberOf", "/roleManagement/directory/roleAssignments"])
    func leastListsCarryEachPermissionsTier(_ url: String) throws {
        let cli = try CommandRunner.run(["least", "POST", url, "--format", "json"], environment: ["GRAPHPERM_DB": db])
        let method = cli.status == 0 ? "POST" : "GET"
        let json = try CommandRunner.run(["least", method, url, "--format", "json"], environment: ["GRAPHPERM_DB": db])
        #expect(json.status == 0)
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let schemes = try #require(answer["schemes"] as? [String: Any])
        let page = try server.get("/least?method=\(method)&url=\(ServerProcess.encode(url))")
        #expect(page.status == 200)
        let paths = try server.get("/paths?template=\(ServerProcess.encode(url))")
        #expect(paths.status == 200)
        var checked = 0
        for (_, value) in schemes {
            guard let scheme = value as? [String: Any], let tiers = scheme["tiers"] as? [String: Int] else { continue }
            for (name, tier) in tiers where !name.contains(" and ") {
                let badge = ">\(name)</a> <span class=\"tier t\(tier)\""
                #expect(page.body.contains(badge), "\(url): \(name) lacks T\(tier) on /least")
                // The docs table of /paths lists the names Microsoft's documentation gives.
                if paths.body.contains(">\(name)</a>") {
                    #expect(paths.body.contains(badge), "\(url): \(name) lacks T\(tier) on /paths")
                }
                checked += 1
            }
        }
        #expect(checked > 0)
        // The tier is a badge, not a link to a permission called T1.
        for label in ["T0", "T1", "T2"] { #expect(!page.body.contains("/permissions/\(label)\"")) }
    }
}
