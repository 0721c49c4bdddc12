import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

struct KnowledgeLoaderTests {
    private func gather(_ paths: [String]) throws -> KnowledgeFacts {
        try KnowledgeLoader.gather(paths: paths, dataDirectory: Resources.dataDirectory)
    }

    @Test func mergesOnePermissionFromSeveralFilesAndWarnsOnConflictingIDs() throws {
        let facts = try gather([TemporaryFolder.fixture("mini-permissions.json"),
                                TemporaryFolder.fixture("mini-service-principal.json"),
                                TemporaryFolder.fixture("mini-provisioning.json")])
        let mailRead = try #require(facts.permissions["Mail.Read"])
        #expect(mailRead[.delegatedWork]?.guid == "570282fd-fa5c-430d-a7fd-fc8dc98a9dca")
        #expect(mailRead[.application]?.guid == "810c84a8-4a9e-49e6-bf7d-12d183f40d01")
        #expect(mailRead[.delegatedWork]?.adminDisplayName == "Read user mail")
        #expect(facts.warnings.count == 1)
        #expect(facts.warnings[0].contains("11111111-2222-3333-4444-555555555555")
            && facts.warnings[0].contains("810c84a8-4a9e-49e6-bf7d-12d183f40d01"))
        #expect(facts.provenance.map(\.kind) == [.permissionsDocument, .servicePrincipal, .provisioningInfo,
                                                 .securityEntities, .adminRoles])
        #expect(facts.securityEntities.count == 9 && facts.adminRoles.count > 100)
        #expect(facts.adminRoles.filter(\.isAcceptedBySecurityAPI).map(\.name)
            == ["Global Administrator", "Security Administrator", "Security Reader"])
        #expect(facts.adminRoles.contains {
            $0.name == "User Administrator" && $0.roleTemplateId == "fe930be7-5e62-47db-91af-98c3a49a38b1"
        })
    }

    /// Digests are computed on another core and paired with their files afterwards: each must be its own file's.
    @Test func eachProvenanceRecordDescribesItsOwnFile() throws {
        let files = ["mini-provisioning.json", "mini-service-principal.json", "mini-permissions.json"]
            .map(TemporaryFolder.fixture)
        let facts = try gather(files)
        #expect(facts.provenance.map(\.kind) == [.permissionsDocument, .servicePrincipal, .provisioningInfo,
                                                 .securityEntities, .adminRoles])
        for record in facts.provenance {
            // The project's own files are compiled in and named embedded:Data/NAME.
            let embeddedName = record.path.hasPrefix("embedded:Data/")
                ? String(record.path.dropFirst("embedded:Data/".count)) : nil
            let bytes = try embeddedName.map { try Resources.dataDirectory.bytes(of: $0) }
                ?? [UInt8](Data(contentsOf: URL(fileURLWithPath: record.path)))
            #expect(record.size == bytes.count && record.sha256 == FileDigest.hex(bytes), "\(record.path)")
        }
        #expect(Set(facts.provenance.map(\.sha256)).count == 5)
    }

    @Test func readsTheServicePrincipalAsAzPrintsIt() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let az = folder.file("sp.json",
                             #"{"appDisplayName": "Microsoft Graph", "appId": "00000003-0000-0000-c000-000000000000", "#
                                 + #""appRoles": [{"allowedMemberTypes": ["Application"], "id": "#
                                 + #""810c84a8-4a9e-49e6-bf7d-12d183f40d01", "value": "Mail.Read", "displayName": "#
                                 + #""Read mail"}], "oauth2PermissionScopes": []}"#)
        let facts = try gather([az])
        #expect(facts.permissions["Mail.Read"]?[.application]?.guid == "810c84a8-4a9e-49e6-bf7d-12d183f40d01")
    }

    @Test func answersFromASmallDocumentEndToEnd() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let facts = try gather([TemporaryFolder.fixture("mini-permissions.json")])
        try KnowledgeBaseWriter.write(facts, to: folder.path + "/kb.sqlite")
        let kb = try KnowledgeBase.open(path: folder.path + "/kb.sqlite")
        let answer = try kb.least(method: "GET", target: "https://graph.microsoft.com/v1.0/me/messages")
        // The document grants Application on /me/messages, but Graph refuses /me without a signed-in user.
        #expect(answer.json == #"{"request":{"method":"GET","url":"https://graph.microsoft.com/v1.0/me/messages"},"#
            + #""template":"/me/messages","schemes":{"DelegatedWork":{"least":["Mail.Read"],"#
            + #""higher":["Mail.ReadWrite"],"recommended":"Mail.Read","why":"Microsoft's choice; none of the 2 that "#
            + #"grant this call is less privileged","tiers":{"Mail.Read":1,"Mail.ReadWrite":1}},"#
            + #""DelegatedPersonal":null,"Application":null},"#
            + #""basis":"documented","notes":["Application: /me needs a signed-in user, which an app-only token has "#
            + #"not: call /users/{id} instead"]}"#)
        let patch = try kb.least(method: "patch", target: "/users/abc", scheme: .application)
        #expect(patch[.application]?.least == ["User.EnableDisableAccount.All and User.Read.All"])
        #expect(patch[.application]?.higher == ["User.ReadWrite.All"])
        #expect(throws: LookupError.self) { try kb.least(method: "GET", target: "/me/mesages") }
        do {
            _ = try kb.least(method: "GET", target: "/me/mesages")
        } catch {
            #expect("\(error)" == "Microsoft's permission data documents no permission for GET /me/mesages; did you "
                + "mean: /me/messages")
        }
    }

    @Test func inferredAnswersFromScopeListsAlone() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let facts = try gather([TemporaryFolder.fixture("mini-service-principal.json")])
        try KnowledgeBaseWriter.write(facts, to: folder.path + "/kb.sqlite")
        let kb = try KnowledgeBase.open(path: folder.path + "/kb.sqlite")
        let answer = try kb.least(method: "GET", target: "/me/messages")
        #expect(answer.basis == .inferred)
        #expect(answer[.delegatedWork]?.least == ["Mail.Read"])
        #expect(answer[.delegatedPersonal] == nil)
    }

    @Test func theEmbeddedSecurityTableAnswersWithoutAnyLoad() throws {
        let kb = try KnowledgeBase.embedded()
        let answer = try kb.least(method: "GET", target: "/security/alerts")
        #expect(answer.basis == .securityTable)
        #expect(answer[.delegatedWork]?.least == ["SecurityEvents.Read.All"])
        #expect(answer[.delegatedWork]?.higher == ["SecurityEvents.ReadWrite.All"])
        #expect(answer[.delegatedWork]?.recommended == "SecurityEvents.Read.All")
        #expect(answer[.delegatedPersonal] == nil)
        let patch = try kb.least(method: "PATCH", target: "tiIndicator", scheme: .application)
        #expect(patch.template == "/security/tiIndicators/{id}"
            && patch[.application]?.least == ["ThreatIndicators.ReadWrite.OwnedBy"])
    }

    /// The bulk load binds each grant's source as static text: it must spell the raw value exactly.
    @Test func grantSourcesBindTheirRawValues() {
        for source in GrantSource.allCases { #expect(source.staticRawValue.description == source.rawValue) }
    }
}

/// Permission names are checked before anything is built from them.
struct PermissionNameCheckTests {
    /// A 50 MB name is refused with its place and its size, and the message stays short.
    @Test func aHugePermissionNameIsRefusedEarlyWithItsPlace() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let name = String(repeating: "A", count: 50 << 20)
        let file = folder.file("permissions.json", #"{"permissions": {"Mail.Read": {}, ""# + name + #"": {}}}"#)
        let error = try #require(throws: LoadError.self) {
            try KnowledgeLoader.gather(paths: [file], dataDirectory: Resources.dataDirectory)
        }
        guard case .data(let errorFile, let place, let message) = error else {
            Issue.record("expected a data error")
            return
        }
        #expect(errorFile == file)
        #expect(place == #"$.permissions[""# + String(repeating: "A", count: 80) + #"… (52428800 bytes)"]"#)
        #expect(message.hasPrefix("expected a permission name (1 to 200 letters, digits, '.', '-' or '_'), found "
            + "\"AAAA"))
        #expect(error.description.utf8.count < 600)
    }

    @Test func aNameWithControlCharactersIsRefusedEscaped() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let file = folder.file("permissions.json", #"{"permissions": {"Mail\u001b[2J": {}}}"#)
        let error = try #require(throws: LoadError.self) {
            try KnowledgeLoader.gather(paths: [file], dataDirectory: Resources.dataDirectory)
        }
        #expect(!error.description.contains("\u{1B}"))
        #expect(error.description.contains(#"Mail\u{1B}[2J"#))
    }
}

/// Microsoft's own test documents (Kibali's fixtures in `../shared/reference/kibali-fixtures`): the valid ones load,
/// with a path written without its leading slash read with one and a warning.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: KibaliFixtures.folder),
                "skipped: Kibali's fixtures are not at ../shared/reference/kibali-fixtures"))
struct KibaliFixtureTests {
    static let folder = KibaliFixtures.folder

    @Test(arguments: ["GraphPermissions.json", "ValidUser.json", "UserAuthenticationMethod.json", "ValidPermissions"])
    func validFixturesLoad(name: String) throws {
        let facts = try KnowledgeLoader.gather(paths: [Self.folder + "/" + name],
                                               dataDirectory: Resources.dataDirectory)
        #expect(!facts.grants.isEmpty)
        #expect(facts.grants.allSatisfy { $0.template.hasPrefix("/") })
        if name == "GraphPermissions.json" {
            #expect(facts.warnings.contains {
                $0.contains("\"devicemanagement/geteffectivepermissionsscope={value}\" read as /devicemanagement/")
            })
        }
    }
}

/// Where Kibali's fixtures are: beside Microsoft's permission files, under `reference/`.
enum KibaliFixtures {
    static let folder = URL(fileURLWithPath: SnapshotData.directory).deletingLastPathComponent()
        .appendingPathComponent("reference/kibali-fixtures").path
}
