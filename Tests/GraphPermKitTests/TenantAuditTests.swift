import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// `graphperm audit --tenant`: reading Graph's export pages with located errors, chains across apps, the score order.
struct TenantAuditTests {
    static let graph = "00000000-0000-0000-0000-0000000000aa"
    static let appRW = "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9"
    static let roleRW = "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8"

    static func principal(_ id: String, _ name: String, roles: [String] = [], secrets: String = "") -> String {
        let assignments = roles.map { #"{"appRoleId": "\#($0)", "resourceId": "\#(graph)"}"# }.joined(separator: ",")
        return #"{"id": "\#(id)", "appId": "\#(id)", "displayName": "\#(name)", "appOwnerOrganizationId": "00000000-0000-0000-0000-0000000000ee", "#
            + #""signInAudience": "AzureADMyOrg", "passwordCredentials": [\#(secrets)], "keyCredentials": [], "appRoleAssignments": [\#(assignments)]}"#
    }

    /// A tenant of four apps: A holds Application.ReadWrite.All, B RoleManagement.ReadWrite.Directory, C nothing, and
    /// Microsoft Graph; the principals come in two pages.
    static func writeTenant(_ folder: TemporaryFolder) {
        let graphSP = #"{"id": "\#(graph)", "appId": "00000003-0000-0000-c000-000000000000", "displayName": "Microsoft Graph", "#
            + #""appOwnerOrganizationId": "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "appRoles": [{"id": "\#(appRW)", "value": "Application.ReadWrite.All"}, "#
            + #"{"id": "\#(roleRW)", "value": "RoleManagement.ReadWrite.Directory"}], "appRoleAssignments": []}"#
        let a = principal("00000000-0000-0000-0000-00000000000a", "A", roles: [appRW])
        let b = principal("00000000-0000-0000-0000-00000000000b", "B", roles: [roleRW])
        let c = principal("00000000-0000-0000-0000-00000000000c", "C", secrets: #"{"displayName": "old", "startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2025-01-01T00:00:00Z"}"#)
        _ = folder.file("servicePrincipals.json", #"{"@odata.nextLink": "https://graph.microsoft.com/v1.0/servicePrincipals?$skiptoken=x", "value": [\#(graphSP), \#(c)]}"#)
        _ = folder.file("servicePrincipals.2.json", #"{"value": [\#(a), \#(b)]}"#)
        _ = folder.file("oauth2PermissionGrants.json", #"{"value": [{"clientId": "00000000-0000-0000-0000-00000000000c", "consentType": "AllPrincipals", "principalId": null, "resourceId": "\#(graph)", "scope": " User.Read Mail.Read"}]}"#)
        _ = folder.file("roleAssignments.json", #"{"value": []}"#)
    }

    @Test func aCredentialWriterReachesGlobalAdministratorThroughTheAppThatAssignsRoles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let report = try QueryFixture.knowledgeBase.auditTenant(folder: folder.path, today: "2026-08-07")
        #expect(report.summary.servicePrincipals == 4)
        let a = try #require(report.apps.first { $0.displayName == "A" })
        #expect(a.tier == 0 && a.chains.count == 1)
        #expect(a.chains.first?.steps.map(\.displayName) == ["A", "B"])
        let c = try #require(report.apps.first { $0.displayName == "C" })
        #expect(c.findings.map(\.name) == ["Mail.Read", "client secret", "User.Read"])
        #expect(c.findings.first { $0.name == "client secret" }?.detail == "old: expired 2025-01-01; lifetime 1827 days; longer than two years")
        #expect(report.apps.map(\.score) == report.apps.map(\.score).sorted(by: >))
        #expect(report.apps.prefix(2).map(\.displayName).sorted() == ["A", "B"])
        // The JSON document parses and keeps its keys in order.
        let json = try JSONParser.parse(Array(report.json.utf8))
        guard case .object(let root) = json, case .array(let apps)? = root["apps"], case .object(let first)? = apps.first else {
            Issue.record("not the expected JSON shape")
            return
        }
        #expect(root.members.map(\.key) == ["summary", "apps"])
        #expect(first.members.map(\.key) == ["id", "appId", "displayName", "tier", "score", "party", "multiTenant", "findings", "chains"])
    }

    @Test func errorsNameTheFileAndThePlace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        try FileManager.default.removeItem(atPath: folder.path + "/servicePrincipals.2.json")
        #expect(throws: LoadError.data(file: folder.path + "/servicePrincipals.json", place: "$[\"@odata.nextLink\"]",
                                       message: "expected the next page in servicePrincipals.2.json, which is missing")) {
            try TenantExport.read(folder: folder.path)
        }
        _ = folder.file("servicePrincipals.2.json", #"{"value": [{"id": "nope", "appId": "x"}]}"#)
        #expect(throws: LoadError.data(file: folder.path + "/servicePrincipals.2.json", place: "$.value[0].id",
                                       message: "expected a GUID like 00000000-0000-0000-0000-000000000000, found \"nope\"")) {
            try TenantExport.read(folder: folder.path)
        }
    }

    /// A synthetic export from `Scripts/make_tenant_export.py --plant`: the planted two-step chain is found and the
    /// worst app comes first.
    @Test(.enabled(if: SnapshotData.isAvailable && Python.path != nil, "needs ../shared/graph-data and python3"))
    func findsThePlantedChainInAGeneratedExport() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scripts/make_tenant_export.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Python.path!)
        process.arguments = [script, "--apps", "100", "--seed", "11", "--plant", "--pages", "3", "--graph-sp",
                             SnapshotData.directory + "/servicePrincipal.json", folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let summary = try JSONParser.parse(Array(output.fileHandleForReading.readDataToEndOfFile()))
        process.waitUntilExit()
        guard case .object(let root) = summary, case .object(let planted)? = root["planted"],
              case .object(let a)? = planted["A"], case .object(let b)? = planted["B"],
              case .string(let aID)? = a["id"], case .string(let bID)? = b["id"] else {
            Issue.record("the generator's summary has no planted chain")
            return
        }
        let report = try QueryFixture.knowledgeBase.auditTenant(folder: folder.path, today: "2026-08-07")
        #expect(report.summary.servicePrincipals == 104)
        let appA = try #require(report.apps.first { $0.id == aID })
        #expect(appA.tier == 0)
        #expect(appA.chains.contains { $0.steps.map(\.id) == [aID, bID] }, "\(appA.chains.map { $0.steps.map(\.displayName) })")
        #expect(report.apps.first?.score == report.apps.map(\.score).max())
        #expect(report.apps.map(\.score) == report.apps.map(\.score).sorted(by: >))
    }
}
