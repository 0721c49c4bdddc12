import Testing
import GraphPermCore
@testable import GraphPermStore

/// The typed reads, against a knowledge base built from the mini fixtures (values written out from the fixtures).
struct KnowledgeStoreReadsTests {
    static let mailReadApplicationID = "810c84a8-4a9e-49e6-bf7d-12d183f40d01"
    static let mailReadDelegatedID = "570282fd-fa5c-430d-a7fd-fc8dc98a9dca"

    @Test func consentAndLevelComeFromTheDocument() throws {
        let store = MiniStore.shared
        let application = try store.permissionFacts("Mail.Read", scheme: .application)
        #expect(application.requiresAdminConsent == true && application.privilegeLevel == 3)
        let delegated = try store.permissionFacts("Mail.ReadWrite", scheme: .delegatedWork)
        #expect(delegated.requiresAdminConsent == false && delegated.privilegeLevel == 3)
        #expect(try store.permissionFacts("Mail.Read", scheme: .delegatedPersonal)
            == PermissionFacts(requiresAdminConsent: nil, privilegeLevel: nil, tier: nil))
        #expect(try store.allPermissionFacts()["Mail.ReadWrite"]?[Scheme.application.id]?.privilegeLevel == 4)
    }

    @Test func aPermissionExistsOnlyInItsSchemes() throws {
        let store = MiniStore.shared
        #expect(try store.permissionExists("Mail.Read", scheme: .delegatedWork))
        #expect(try !store.permissionExists("Mail.Read", scheme: .delegatedPersonal))
        #expect(try !store.permissionExists("mail.read", scheme: .delegatedWork))
        #expect(try !store.permissionExists("Nothing.At.All", scheme: .application))
    }

    @Test func aPermissionIsFoundByNameInAnyCaseOrByID() throws {
        let store = MiniStore.shared
        let byName = try #require(try store.permission(nameOrID: "mail.read"))
        #expect(byName.name == "Mail.Read" && byName.resource == "Mail")
        #expect(try store.permission(nameOrID: Self.mailReadApplicationID.uppercased())?.name == "Mail.Read")
        #expect(try store.permission(nameOrID: Self.mailReadDelegatedID)?.id == byName.id)
        #expect(try store.permission(nameOrID: "Mail.Reed") == nil)
        #expect(try store.permission(nameOrID: "00000000-0000-0000-0000-000000000000") == nil)
    }

    @Test func idsAndNamesTranslateEachWay() throws {
        let store = MiniStore.shared
        #expect(try store.permissionGUID("Mail.Read", scheme: .application) == Self.mailReadApplicationID)
        #expect(try store.permissionGUID("Mail.Read", scheme: .delegatedWork) == Self.mailReadDelegatedID)
        #expect(try store.permissionGUID("Mail.ReadWrite", scheme: .application) == nil)
        #expect(try store.permissionName(guid: Self.mailReadDelegatedID.uppercased(), scheme: .delegatedWork)
            == "Mail.Read")
        #expect(try store.permissionName(guid: "00000000-0000-0000-0000-000000000000", scheme: .application) == nil)
    }

    @Test func theDisplayTextIsTheAdminsElseTheUsers() throws {
        let store = MiniStore.shared
        #expect(try store.displayText("mail.read", scheme: .application) == "Read mail in all mailboxes")
        #expect(try store.displayText("Mail.Read", scheme: .delegatedWork) == "Read user mail")
        #expect(try store.displayText("Mail.Read", scheme: .delegatedPersonal) == nil)
    }

    @Test func theCardListsEachSchemeWithItsGrantCount() throws {
        let store = MiniStore.shared
        let id = try #require(try store.permission(nameOrID: "Mail.Read")).id
        let schemes = try store.schemes(ofPermission: id)
        #expect(schemes.map(\.scheme) == [.delegatedWork, .application])
        #expect(schemes.map(\.grantCount) == [2, 2])
        #expect(schemes.map(\.guid) == [Self.mailReadDelegatedID, Self.mailReadApplicationID])
        #expect(schemes[0].userDisplayName == "Read your mail" && schemes[0].adminDescription == "Read mail.")
        #expect(schemes[1].requiresAdminConsent == true && schemes[1].privilegeLevel == 3)
        #expect(try store.schemes(ofPermission: 999_999) == [])
    }

    @Test func referenceRowsHoldWorkAndApplicationOnlyInNameOrder() throws {
        let rows = try MiniStore.shared.referenceRows()
        let mail = rows.filter { $0.name.hasPrefix("Mail.") }
        #expect(mail.map { "\($0.name) \($0.scheme.scheme.id)" } == [
            "Mail.Read 1", "Mail.Read 3", "Mail.ReadWrite 1", "Mail.ReadWrite 3",
        ])
        #expect(rows.allSatisfy { $0.scheme.scheme != .delegatedPersonal })
    }

    @Test func namesAndTemplatesComeInByteOrder() throws {
        let store = MiniStore.shared
        let names = try store.permissionNames()
        #expect(names == names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
        for name in ["Mail.Read", "Mail.ReadWrite", "User.EnableDisableAccount.All", "User.Read.All",
                     "User.ReadWrite.All"] {
            #expect(names.contains(name))
        }
        let templates = try store.templates()
        #expect(templates == templates.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }))
        #expect(Set(["/me/messages", "/me/messages/{id}", "/users/{id}", "/users/{id}/messages"])
            .isSubset(of: Set(templates)))
        // Entity names: the security table's, and templates of one segment (the mini document has none).
        let entities = try store.entityNames()
        #expect(entities.contains("securityActions") && !entities.contains("users") && entities == entities.sorted())
    }

    @Test func theSecurityTableAndAdminRolesComeFromTheEmbeddedData() throws {
        let store = MiniStore.shared
        let first = try #require(try store.securityEntities().first)
        #expect(first == SecurityEntityRow(permission: "SecurityActions.Read.All", entity: "securityActions",
                                           methods: ["GET"], isPreview: true,
                                           docLink: "/graph/api/resources/securityaction"))
        #expect(try store.securityEntityPath("SECURITYACTIONS") == "/security/securityActions")
        #expect(try store.securityEntityPath("nothing") == nil)
        let roles = try store.adminRoles()
        #expect(roles.first?.name == "AI Administrator")
        #expect(try store.adminRole("ai administrator")?.roleTemplateId == "d2562ede-74db-457e-a7b6-544e236ebb61")
        #expect(try store.adminRole("D2562EDE-74DB-457E-A7B6-544E236EBB61")?.name == "AI Administrator")
        #expect(try store.adminRole("Nobody") == nil)
        #expect(try store.permissionAndRoleNames().contains("AI Administrator"))
    }

    @Test func provenanceRecordsTheLoadedFiles() throws {
        let store = MiniStore.shared
        #expect(try store.hasPathData())
        #expect(try store.permissionsDocumentLocation()?.hasSuffix("mini-permissions.json") == true)
        let files = try store.provenance()
        #expect(files.contains { $0.kind == "permissions-document" && $0.sha256.count == 64 && $0.size > 0 })
    }

    @Test func tableCountsNameEachTable() throws {
        let counts = try MiniStore.shared.tableCounts()
        #expect(counts.map(\.0) == ["permissions", "permission_schemes", "path_templates", "grants",
                                    "path_method_pairs", "security_entities", "admin_roles", "load_warnings"])
        let byName = Dictionary(uniqueKeysWithValues: counts)
        #expect(byName["security_entities"] == (try MiniStore.shared.securityEntities().count))
        #expect(byName["admin_roles"] == (try MiniStore.shared.adminRoles().count))
        #expect(byName["path_templates"] == (try MiniStore.shared.templates().count))
    }
}
