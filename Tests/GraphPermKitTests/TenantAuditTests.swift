import Foundation
import Testing

@testable import GraphPermCore
@testable import GraphPermJSON
@testable import GraphPermKit
@testable import GraphPermStore

/// `graphperm audit --tenant`: reading Graph's export pages with located errors, chains across apps, the score order.
struct TenantAuditTests {
    /// A copy of `Fixtures/tenant-export`: "Contoso Deployment Pipeline" holds Application.ReadWrite.All, "Contoso
    /// Role Automation" RoleManagement.ReadWrite.Directory, "Contoso Mail Archiver" small grants, a secret and
    /// Directory Readers; the principals come in two pages.
    static func writeTenant(_ folder: TemporaryFolder) {
        for name in [
            "servicePrincipals.json", "servicePrincipals.2.json", "oauth2PermissionGrants.json", "roleAssignments.json",
        ] {
            try? FileManager.default.copyItem(
                atPath: TemporaryFolder.fixture("tenant-export") + "/" + name, toPath: folder.path + "/" + name)
        }
    }

    @Test func aCredentialWriterReachesGlobalAdministratorThroughTheAppThatAssignsRoles() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        let report = try QueryFixture.knowledgeBase.auditTenant(folder: folder.path, today: "2026-08-07")
        #expect(report.summary.servicePrincipals == 4)
        let writer = try #require(report.apps.first { $0.displayName == "Contoso Deployment Pipeline" })
        #expect(writer.tier == 0 && writer.chains.count == 1)
        #expect(
            writer.chains.first?.steps.map(\.displayName) == ["Contoso Deployment Pipeline", "Contoso Role Automation"])
        let archiver = try #require(report.apps.first { $0.displayName == "Contoso Mail Archiver" })
        #expect(
            archiver.findings.map(\.name) == [
                "Mail.Read", "client secret", "User.Read.All", "User.Read", "Directory Readers",
            ])
        let secret = archiver.findings.first { $0.name == "client secret" }
        #expect(secret?.detail == "prod: expires in 1243 days; lifetime 3653 days; longer than two years")
        #expect(report.apps.map(\.score) == report.apps.map(\.score).sorted(by: >))
        #expect(report.apps.prefix(2).map(\.displayName) == ["Contoso Deployment Pipeline", "Contoso Role Automation"])
        // The JSON document parses and keeps its keys in order.
        let json = try JSONParser.parse(Array(report.json.utf8))
        guard case .object(let root) = json, case .array(let apps)? = root["apps"],
            case .object(let first)? = apps.first
        else {
            Issue.record("not the expected JSON shape")
            return
        }
        #expect(root.members.map(\.key) == ["summary", "apps"])
        #expect(
            first.members.map(\.key) == [
                "id", "appId", "displayName", "tier", "score", "party", "multiTenant", "findings", "chains",
            ])
    }

    @Test func errorsNameTheFileAndThePlace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        Self.writeTenant(folder)
        try FileManager.default.removeItem(atPath: folder.path + "/servicePrincipals.2.json")
        #expect(
            throws: LoadError.data(
                file: folder.path + "/servicePrincipals.json", place: "$[\"@odata.nextLink\"]",
                message: "expected the next page in servicePrincipals.2.json, which is missing")
        ) {
            try TenantExport.read(folder: folder.path)
        }
        _ = folder.file("servicePrincipals.2.json", #"{"value": [{"id": "nope", "appId": "x"}]}"#)
        #expect(
            throws: LoadError.data(
                file: folder.path + "/servicePrincipals.2.json", place: "$.value[0].id",
                message: "expected a GUID like 00000000-0000-0000-0000-000000000000, found \"nope\"")
        ) {
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
        process.arguments = [
            script, "--apps", "100", "--seed", "11", "--plant", "--pages", "3", "--graph-sp",
            SnapshotData.directory + "/servicePrincipal.json", folder.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let summary = try JSONParser.parse(Array(output.fileHandleForReading.readDataToEndOfFile()))
        process.waitUntilExit()
        guard case .object(let root) = summary, case .object(let planted)? = root["planted"],
            case .object(let a)? = planted["A"], case .object(let b)? = planted["B"],
            case .string(let aID)? = a["id"], case .string(let bID)? = b["id"]
        else {
            Issue.record("the generator's summary has no planted chain")
            return
        }
        let report = try QueryFixture.knowledgeBase.auditTenant(folder: folder.path, today: "2026-08-07")
        #expect(report.summary.servicePrincipals == 104)
        let appA = try #require(report.apps.first { $0.id == aID })
        #expect(appA.tier == 0)
        #expect(
            appA.chains.contains { $0.steps.map(\.id) == [aID, bID] },
            "\(appA.chains.map { $0.steps.map(\.displayName) })")
        #expect(report.apps.first?.score == report.apps.map(\.score).max())
        #expect(report.apps.map(\.score) == report.apps.map(\.score).sorted(by: >))
    }
}

/// The fast decoding of tenant export items (`TenantExport+FastJSON.swift`) against its `JSONReader` twin: the same
/// values for every valid item, and nil (so the twin reports the error) for every invalid one.
struct TenantExportFastJSONTests {
    static let valid = [
        #"{"id": "00000000-0000-0000-0000-00000000000A", "appId": "00000000-0000-0000-0000-0000000000a1"}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "displayName": null, "appOwnerOrganizationId": "", "servicePrincipalType": "Application","#
            + #" "keyCredentials": [{"displayName": "k", "endDateTime": "2027-01-01T00:00:00Z"}],"#
            + #" "passwordCredentials": [7, {"startDateTime": "2026-01-01T00:00:00Z"}],"#
            + #" "appRoles": [{"id": "00000000-0000-0000-0000-0000000000b1", "value": "R.All"}, {"value": null}],"#
            + #" "appRoleAssignments": [{"appRoleId": "00000000-0000-0000-0000-0000000000B1","#
            + #" "resourceId": "00000000-0000-0000-0000-00000000000a"}],"#
            + #" "owners": [{"id": "00000000-0000-0000-0000-0000000000c1"}], "signInAudience": "AzureADMultipleOrgs"}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "appRoles": null, "owners": null, "keyCredentials": null}"#,
    ]
    static let invalid = [
        #"[]"#,
        #"{"appId": "00000000-0000-0000-0000-0000000000a1"}"#,
        #"{"id": "nope", "appId": "00000000-0000-0000-0000-0000000000a1"}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "displayName": 3}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "appRoles": [{"value": "R"}]}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "keyCredentials": [{"endDateTime": "\#(String(repeating: "9", count: 65))"}]}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "appRoleAssignments": {}}"#,
        #"{"id": "00000000-0000-0000-0000-00000000000a", "appId": "00000000-0000-0000-0000-0000000000a1","#
            + #" "appOwnerOrganizationId": "x"}"#,
    ]

    static func value(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }
    static func reader(_ value: JSONValue) -> JSONReader { JSONReader(value: value, file: "sp.json") }

    @Test(arguments: valid)
    func aValidPrincipalDecodesAsItsTwinDecodesIt(text: String) throws {
        let value = try Self.value(text)
        let fast = try #require(TenantExport.fastServicePrincipal(value))
        let slow = try TenantExport.servicePrincipal(Self.reader(value))
        #expect(String(describing: fast) == String(describing: slow))
    }

    @Test(arguments: invalid)
    func anInvalidPrincipalIsLeftToItsTwin(text: String) throws {
        let value = try Self.value(text)
        #expect(TenantExport.fastServicePrincipal(value) == nil)
        #expect(throws: LoadError.self) { try TenantExport.servicePrincipal(Self.reader(value)) }
    }

    @Test func grantsAndRoleAssignmentsDecodeAsTheirTwins() throws {
        let grants = [
            #"{"clientId": "00000000-0000-0000-0000-00000000000a", "consentType": "Principal","#
                + #" "principalId": "", "resourceId": "00000000-0000-0000-0000-00000000000b", "scope": " A  B "}"#,
            #"{"clientId": "00000000-0000-0000-0000-00000000000a", "consentType": "AllPrincipals","#
                + #" "resourceId": "00000000-0000-0000-0000-00000000000b", "scope": null}"#,
        ]
        for text in grants {
            let value = try Self.value(text)
            let fast = try #require(TenantExport.fastDelegatedGrant(value))
            #expect(String(describing: fast) == String(describing: try TenantExport.delegatedGrant(Self.reader(value))))
        }
        let badGrant = try Self.value(#"{"clientId": "00000000-0000-0000-0000-00000000000a", "consentType": "All"}"#)
        #expect(TenantExport.fastDelegatedGrant(badGrant) == nil)
        let role = try Self.value(
            #"{"principalId": "00000000-0000-0000-0000-00000000000A","#
                + #" "roleDefinitionId": "00000000-0000-0000-0000-00000000000b"}"#)
        let fast = try #require(TenantExport.fastRoleAssignment(role))
        #expect(String(describing: fast) == String(describing: try TenantExport.roleAssignment(Self.reader(role))))
        #expect(TenantExport.fastRoleAssignment(try Self.value(#"{"principalId": 1}"#)) == nil)
    }
}
