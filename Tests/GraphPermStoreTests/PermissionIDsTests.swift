import Testing
@testable import GraphPermStore

/// The permission table's IDs: granting names first in Microsoft's order, then the rest, and the merged ranks.
struct PermissionIDsTests {
    @Test func grantingNamesComeFirstInNameOrderOnce() {
        let ids = PermissionIDs(granting: ["User.Read", "Mail.Read", "User.Read"])
        #expect(ids["Mail.Read"] == 1 && ids["User.Read"] == 2 && ids["Calendars.Read"] == nil)
        #expect(ids.names == ["Mail.Read", "User.Read"])
    }

    @Test func remainingNamesFollowWithoutRenumbering() {
        var ids = PermissionIDs(granting: ["User.Read", "Mail.Read"])
        ids.addRemaining(["Mail.Read", "Calendars.Read", "User.Read", "Files.Read", "Calendars.Read"])
        #expect(ids.names == ["Mail.Read", "User.Read", "Calendars.Read", "Files.Read"])
        #expect(ids["Calendars.Read"] == 3 && ids["Files.Read"] == 4 && ids["Mail.Read"] == 1)
    }

    @Test func ranksMergeBothGroupsInNameOrder() {
        var ids = PermissionIDs(granting: ["User.Read", "Mail.Read"])
        ids.addRemaining(["Calendars.Read", "Sites.Read.All", "Zeta.All"])
        // Order by name: Calendars.Read 0, Mail.Read 1, Sites.Read.All 2, User.Read 3, Zeta.All 4.
        #expect(ids.kibaliRanks() == [1, 3, 0, 2, 4])
    }

    @Test func ranksOfOneGroupAreItsIDOrder() {
        #expect(PermissionIDs(granting: ["B.Read", "A.Read", "C.Read"]).kibaliRanks() == [0, 1, 2])
        var onlyRemaining = PermissionIDs(granting: [String]())
        onlyRemaining.addRemaining(["B.Read", "A.Read"])
        #expect(onlyRemaining.names == ["A.Read", "B.Read"] && onlyRemaining.kibaliRanks() == [0, 1])
    }
}
