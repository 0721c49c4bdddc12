import Testing
import GraphPermCore

/// The weight of a directory role held by an app, and day numbers of Graph's timestamps.
@Suite struct DirectoryRoleRiskTests {
    // Role template IDs from Microsoft Entra's built-in roles reference.
    @Test(arguments: [
        ("62e90394-69f5-4237-9190-012177145e10", "Global Administrator", 0, 100),
        ("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator", 0, 100),
        ("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator", 0, 100),
        ("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator", 0, 60),
        ("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator", 0, 60),
        ("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", "Hybrid Identity Administrator", 0, 60),
        ("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader", 2, 1),
        ("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers", 2, 1),
        ("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator", 1, 10),
    ])
    func rolesAreWeighedByWhatTheyReach(id: String, name: String, tier: Int, weight: Int) {
        let risk = DirectoryRoleRisk.assess(roleTemplateId: id, name: name)
        #expect(risk.tier == tier && risk.weight == weight)
    }

    @Test func detailsSayWhy() {
        #expect(DirectoryRoleRisk.assess(roleTemplateId: DirectoryRoleRisk.globalAdministrator, name: "x").detail
            == "The role holds Global Administrator.")
        #expect(DirectoryRoleRisk.assess(roleTemplateId: "x", name: "Global Reader").detail
            == "A read-only directory role.")
    }

    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2024-02-29", 19_782),
        ("2027-01-01T00:00:00Z", 20_819),
    ])
    func daysSince1970(text: String, days: Int) {
        #expect(ISODay.number(text) == days)
    }

    @Test(arguments: ["2027-13-01", "2027-00-10", "2027-01-32", "2027/01/01", "2027-01-0x", "27-01-01", ""])
    func anythingElseIsNoDay(text: String) {
        #expect(ISODay.number(text) == nil)
    }
}
