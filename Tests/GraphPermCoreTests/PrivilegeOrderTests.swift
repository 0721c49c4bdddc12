import Testing

@testable import GraphPermJSON
@testable import GraphPermCore

struct PrivilegeOrderTests {
    private func candidate(_ name: String, least: Bool = false, admin: Bool? = true, level: Int? = nil)
        -> PrivilegeOrder.Candidate
    {
        PrivilegeOrder.Candidate(
            label: name, permission: name, isLeast: least, requiresAdminConsent: admin, privilegeLevel: level)
    }

    @Test func aNarrowerOperationOnTheSameObjectsWins() {
        let choice = PrivilegeOrder.first(
            of: [
                candidate("Group-NestingSupport.ReadWrite.All", least: true),
                candidate("Group.ReadBasic.All", least: true),
            ], pathResources: ["groups", "group"])
        #expect(choice?.permission == "Group.ReadBasic.All")
    }

    @Test func theSignedInUsersOwnDataIsNotTradedForTheWholeTenant() {
        // User.Read reaches one user; User.ReadBasic.All every user: neither is narrower in both, so the marker
        // decides.
        let choice = PrivilegeOrder.first(
            of: [candidate("User.ReadBasic.All", admin: false), candidate("User.Read", least: true, admin: false)],
            pathResources: ["me", "user"])
        #expect(choice?.permission == "User.Read")
        #expect(PrivilegeOrder.isNarrower(candidate("User.Read"), than: candidate("Directory.Read.All")))
        #expect(!PrivilegeOrder.isNarrower(candidate("User.Read"), than: candidate("User.ReadBasic.All")))
    }

    @Test func theOwnResourceWinsAmongEquals() {
        let choice = PrivilegeOrder.first(
            of: [
                candidate("DeviceManagementServiceConfig.Read.All", least: true),
                candidate("Organization.Read.All"), candidate("Directory.Read.All"),
            ],
            pathResources: ["organization"])
        #expect(choice?.permission == "Organization.Read.All")
        let reason = PrivilegeOrder.reason(
            choice!, over: candidate("DeviceManagementServiceConfig.Read.All", least: true),
            pathResources: ["organization"])
        #expect(reason == "it belongs to the path's own resource (Organization)")
    }

    @Test func consentAndLevelBreakTheRemainingTies() {
        #expect(
            PrivilegeOrder.first(
                of: [candidate("A.Read.All", admin: true), candidate("B.Read.All", admin: false)],
                pathResources: [])?.permission == "B.Read.All")
        #expect(
            PrivilegeOrder.first(
                of: [candidate("A.Read.All", level: 4), candidate("B.Read.All", level: 2)],
                pathResources: [])?.permission == "B.Read.All")
        #expect(PrivilegeOrder.first(of: [], pathResources: []) == nil)
    }
}
