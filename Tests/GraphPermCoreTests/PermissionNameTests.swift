import Testing
import GraphPermCore

/// Permission names split per Microsoft's pattern `{resource}.{operation}.{constraint}`, and their ranks.
@Suite struct PermissionNameTests {
    @Test(arguments: [
        ("Application.ReadWrite.OwnedBy", "Application", "ReadWrite", "OwnedBy"),
        ("User.Read", "User", "Read", nil),
        ("offline_access", "offline_access", nil, nil),
        ("Sites.Read.All.Extra", "Sites", "Read", "All.Extra"),
        ("A..B", "A", "", "B"),
    ] as [(String, String, String?, String?)])
    func splitsAtTheFirstTwoDots(text: String, resource: String, operation: String?, constraint: String?) {
        let name = PermissionName(text)
        #expect(name.text == text && name.resource == resource)
        #expect(name.operation == operation && name.constraint == constraint)
    }

    @Test func operationsRankFromReadBasicToFullControl() {
        let ordered = ["X.ReadBasic", "X.Read", "X.ReadWriteBasic", "X.Create", "X.Invite", "X.Send", "X.ReadWrite",
                       "X.Manage", "X.ReadWriteAll", "X.FullControl"]
        #expect(ordered.map { PermissionName($0).operationRank } == [0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
        // Unlisted operations by their prefix, lower case accepted, none in the middle.
        #expect(PermissionName("X.readwrite").operationRank == 60)
        #expect(PermissionName("X.ReadWriteSomething").operationRank == 65)
        #expect(PermissionName("X.ReadSomething").operationRank == 15)
        #expect(PermissionName("X.Export").operationRank == 50 && PermissionName("offline_access").operationRank == 50)
    }

    @Test(arguments: [
        ("User.Read", 0), ("Sites.Read.Selected", 1), ("Files.ReadWrite.AppFolder", 1), ("Mail.Read.Shared", 2),
        ("User.Read.All", 3), ("User.Read.ALL", 3), ("X.Read.Other", 2),
    ])
    func constraintsRankByReach(text: String, rank: Int) {
        #expect(PermissionName(text).constraintRank == rank)
    }

    @Test(arguments: [
        ("User.Read.All", "User.ReadWrite.All"), ("Mail.ReadBasic", "Mail.ReadWrite"), ("Mail.Read", "Mail.ReadWrite"),
        ("Mail.ReadWrite", nil), ("offline_access", nil),
    ] as [(String, String?)])
    func theWriteSiblingOfAReadPermission(text: String, sibling: String?) {
        #expect(PermissionName(text).writeSibling == sibling)
    }

    @Test(arguments: [
        ("Mail.Read", "GET", true), ("Mail.Read", "POST", false), ("Mail.ReadWrite", "GET", true),
        ("Mail.ReadWrite", "DELETE", true), ("Mail.Send", "POST", true), ("Mail.Send", "PATCH", false),
        ("Sites.Manage.All", "PUT", true), ("Sites.FullControl.All", "GET", true), ("offline_access", "GET", false),
        ("User.Invite.All", "POST", true),
    ])
    func operationsAllowMethodsByName(text: String, method: String, allowed: Bool) {
        #expect(PermissionName(text).operationAllows(method: method) == allowed)
    }
}
