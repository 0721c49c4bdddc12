import Testing
import GraphPermCore

/// Tables of several URLs merged per scheme by Microsoft's rules
/// (/work/shared/reference/kibali-semantics.md §5.4, "Merged").
@Suite struct PermissionTableMergeTests {
    typealias Row = PermissionTable.Row

    static func requirements(_ labels: String...) -> PermissionTable.Cell {
        .requirements(labels.map { Requirement($0) })
    }

    static func table(_ work: (PermissionTable.Cell, PermissionTable.Cell),
                      _ application: (PermissionTable.Cell, PermissionTable.Cell) = (.notSupported, .notSupported),
                      problems: [PermissionTable.Problem] = []) -> PermissionTable {
        PermissionTable(rows: [
            Row(scheme: .delegatedWork, least: work.0, higher: work.1),
            Row(scheme: .delegatedPersonal, least: .notSupported, higher: .notSupported),
            Row(scheme: .application, least: application.0, higher: application.1),
        ], problems: problems)
    }

    @Test func agreeingLeastAndUnitedHigherInNameOrder() {
        let merged = PermissionTable.merged([
            Self.table((Self.requirements("Mail.Read"), Self.requirements("Mail.ReadWrite"))),
            Self.table((Self.requirements("Mail.Read"), Self.requirements("Mail.ReadBasic", "Mail.ReadWrite"))),
        ])
        #expect(merged.rows[0].least == "Mail.Read")
        #expect(merged.rows[0].higher == "Mail.ReadBasic, Mail.ReadWrite")
        #expect(merged.rows[1].least == "Not supported." && merged.rows[1].higher == "Not supported.")
        #expect(merged.problems.isEmpty && merged.isMicrosoftTable)
    }

    @Test func aSchemeOneURLLacksTakesTheOthersLeastAndKeepsItsHigher() {
        let merged = PermissionTable.merged([
            Self.table((.notSupported, .notSupported)),
            Self.table((Self.requirements("User.Read"), .notAvailable)),
        ])
        #expect(merged.rows[0].least == "User.Read" && merged.rows[0].higher == "Not available.")
    }

    @Test func aSingleHigherEqualToTheLeastIsNotAvailable() {
        let merged = PermissionTable.merged([
            Self.table((Self.requirements("A.Read"), Self.requirements("A.Read"))),
            Self.table((Self.requirements("A.Read"), Self.requirements("A.Read"))),
        ])
        #expect(merged.rows[0].higher == "Not available.")
    }

    @Test func differingLeastPermissionsAreAFailureAndTheLosersGoHigher() {
        let merged = PermissionTable.merged([
            Self.table((Self.requirements("B.Read"), .notAvailable)),
            Self.table((Self.requirements("A.Read"), Self.requirements("C.Read"))),
        ])
        #expect(merged.problems == [.differingLeast(.delegatedWork, ["A.Read", "B.Read"])])
        #expect(merged.problems[0].description == "Differing least privilege permissions A.Read,B.Read for the scheme"
            + " DelegatedWork. (Microsoft's generator fails here.)")
        #expect(merged.rows[0].least == "A.Read" && merged.rows[0].higher == "C.Read, B.Read")
        #expect(!merged.isMicrosoftTable)
    }

    @Test func aPairKeepsItsPartnerThroughTheMerge() {
        let pair = PermissionTable.Cell.requirements([Requirement("User.EnableDisableAccount.All",
                                                                  alsoRequires: "User.Read.All")])
        let merged = PermissionTable.merged([
            Self.table((pair, Self.requirements("User.ReadWrite.All"))),
            Self.table((pair, Self.requirements("Directory.ReadWrite.All"))),
        ])
        #expect(merged.rows[0].leastRequirement == Requirement("User.EnableDisableAccount.All",
                                                                alsoRequires: "User.Read.All"))
        #expect(merged.rows[0].higher == "Directory.ReadWrite.All, User.ReadWrite.All")
    }

    @Test func onlyFailuresCarryOverAndNothingGivesTheStub() {
        let merged = PermissionTable.merged([
            Self.table((.notSupported, .notSupported), problems: [.missingLeastMarker(.delegatedWork)]),
            Self.table((.notSupported, .notSupported), problems: [.tooManyRequired(["A", "B", "C"])]),
        ])
        #expect(merged.problems == [.tooManyRequired(["A", "B", "C"])])
        let stub = PermissionTable.merged([])
        #expect(stub.rows.allSatisfy { $0.least == "Not supported." && $0.higher == "Not supported." })
        #expect(stub.rows.map(\.scheme) == [.delegatedWork, .delegatedPersonal, .application])
        let one = Self.table((Self.requirements("A.Read"), .notAvailable))
        #expect(PermissionTable.merged([one]) == one)
    }
}
