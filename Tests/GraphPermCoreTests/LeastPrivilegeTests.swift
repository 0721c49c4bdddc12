import Testing
@testable import GraphPermJSON
@testable import GraphPermCore

/// Microsoft's least-privilege rules on tiny hand-made claim sets.
struct LeastPrivilegeTests {
    private func grant(_ permission: String, _ methods: [String], least: Bool, order: Int, partners: [String] = [],
                       scheme: Scheme = .delegatedWork) -> [Grant] {
        methods.map {
            Grant(permission: permission, scheme: scheme, method: $0, template: "/t", isLeast: least,
                  alsoRequires: partners, claimOrder: order)
        }
    }

    @Test func aSingleCandidateWins() {
        let set = ClaimSet(grants: grant("Mail.Read", ["GET"], least: true, order: 1)
            + grant("Mail.ReadWrite", ["GET"], least: false, order: 2))
        #expect(LeastPrivilege.select(method: "GET", scheme: .delegatedWork, in: set)?.labels == ["Mail.Read"])
    }

    @Test func theCandidateGrantingExactlyThisMethodWins() {
        // ReadWrite is marked least for POST in a pathSet that also holds GET, so it is a GET candidate too.
        let set = ClaimSet(grants: grant("Mail.ReadBasic", ["GET"], least: true, order: 2)
            + grant("Mail.ReadWrite", ["GET", "POST"], least: true, order: 3))
        let selection = LeastPrivilege.select(method: "GET", scheme: .delegatedWork, in: set)
        #expect(selection?.labels == ["Mail.ReadBasic"])
        #expect(selection?.rule == 3)
    }

    @Test func fewestMethodsWinsAndTiesGoToNameOrder() {
        let set = ClaimSet(grants: grant("Application.ReadWrite.All", ["DELETE", "PATCH"], least: true, order: 1)
            + grant("Application.ReadWrite.OwnedBy", ["DELETE", "PATCH"], least: true, order: 2)
            + grant("Directory.ReadWrite.All", ["DELETE", "GET", "PATCH"], least: true, order: 3))
        let selection = LeastPrivilege.select(method: "PATCH", scheme: .delegatedWork, in: set)!
        #expect(selection.labels == ["Application.ReadWrite.All"])
        #expect(selection.ties.map(\.permission) == ["Application.ReadWrite.OwnedBy"])
        let answer = LeastAnswer.from(method: "PATCH", url: "/t", template: "/t", claims: set)
        #expect(answer[.delegatedWork]?.least == ["Application.ReadWrite.All", "Application.ReadWrite.OwnedBy"])
        // The narrower tie is the recommendation, and the note says why.
        #expect(answer[.delegatedWork]?.recommended == "Application.ReadWrite.OwnedBy")
        #expect(answer.notes.contains {
            $0.contains("recommended Application.ReadWrite.OwnedBy rather than Application.ReadWrite.All:"
                + " it reaches fewer objects")
        })
    }

    @Test func twoSingleMethodCandidatesAreAmbiguous() {
        let set = ClaimSet(grants: grant("Group-NestingSupport.ReadWrite.All", ["GET"], least: true, order: 1)
            + grant("Group.ReadBasic.All", ["GET"], least: true, order: 2))
        let selection = LeastPrivilege.select(method: "GET", scheme: .delegatedWork, in: set)
        #expect(selection?.labels == ["Group-NestingSupport.ReadWrite.All", "Group.ReadBasic.All"])
    }

    @Test func alsoRequiresMakesAPairLabel() {
        let set = ClaimSet(grants: grant("User.EnableDisableAccount.All", ["PATCH"], least: true, order: 1,
                                         partners: ["User.Read.All"])
            + grant("User.ReadWrite.All", ["PATCH"], least: false, order: 2))
        #expect(LeastPrivilege.select(method: "PATCH", scheme: .delegatedWork, in: set)?.labels
            == ["User.EnableDisableAccount.All and User.Read.All"])
        let table = PermissionTable(method: "PATCH", claims: set)
        #expect(table.rows[0] == PermissionTable.Row(
            scheme: .delegatedWork,
            least: .requirements([Requirement("User.EnableDisableAccount.All", alsoRequires: "User.Read.All")]),
            higher: .requirements([Requirement("User.ReadWrite.All")])))
        #expect(table.rows[0].least == "User.EnableDisableAccount.All and User.Read.All")
        #expect(table.rows[0].leastRequirement?.alsoRequires == "User.Read.All")
    }

    @Test func noMarkerMeansNoSelection() {
        let set = ClaimSet(grants: grant("Mail.ReadWrite", ["GET"], least: false, order: 1))
        #expect(LeastPrivilege.select(method: "GET", scheme: .delegatedWork, in: set) == nil)
        let answer = LeastAnswer.from(method: "GET", url: "/t", template: "/t", claims: set)
        #expect(answer[.delegatedWork]?.least == ["Mail.ReadWrite"])
        #expect(answer[.application] == nil)
    }

    @Test func kibaliCollationPutsPunctuationBeforeLettersAndIgnoresCaseFirst() {
        #expect(KibaliCollation.sorted(["UserAuthMethod-Email.ReadWrite", "UserAuthenticationMethod.ReadWrite", "a.b",
                                        "A.b", "a_b"])
            == ["a_b", "a.b", "A.b", "UserAuthenticationMethod.ReadWrite", "UserAuthMethod-Email.ReadWrite"])
    }

    @Test(arguments: [
        ("User.ReadWrite.All", "User", "ReadWrite", "All"),
        ("Mail.Read", "Mail", "Read", nil),
        ("offline_access", "offline_access", nil, nil),
        ("Sites.Selected.Read.All", "Sites", "Selected", "Read.All"),
        ("Odd.", "Odd", "", nil),
        ("Odd..All", "Odd", "", "All"),
        ("Zürich.Read", "Zürich", "Read", nil),
    ] as [(String, String, String?, String?)])
    func permissionNamesSplitAtTheirFirstTwoDots(name: String, resource: String, operation: String?,
                                                 constraint: String?) {
        let parts = PermissionName(name)
        #expect(parts.resource == resource)
        #expect(parts.operation == operation)
        #expect(parts.constraint == constraint)
    }

    /// The grants of POST /servicePrincipals/{id}/appRoleAssignedTo (application) in Microsoft's 2026-08-07 file:
    /// the documented pair, the same pair named from its other member, and two higher permissions.
    @Test func aPairIsOneRequirementAndIsNotReplacedByAnUnlikeOne() throws {
        let set = ClaimSet(
            grants: grant("Application.Read.All", ["POST"], least: true, order: 1,
                          partners: ["AppRoleAssignment.ReadWrite.All"], scheme: .application)
                + grant("Application.ReadWrite.All", ["POST"], least: false, order: 2, scheme: .application)
                + grant("AppRoleAssignment.ReadWrite.All", ["POST"], least: true, order: 3,
                        partners: ["Application.Read.All", "Directory.Read.All"], scheme: .application)
                + grant("Directory.Read.All", ["POST"], least: false, order: 4, scheme: .application))
        let full = LeastAnswer.from(method: "POST", url: "/t", template: "/t", claims: set)
        let answer = try #require(full[.application])
        let documented = try #require(answer.leastRequirements.first)
        #expect(Set(documented.permissions) == ["AppRoleAssignment.ReadWrite.All", "Application.Read.All"])
        // Neither the reversed pair nor a broader single permission (Application.ReadWrite.All) is "less privileged".
        #expect(answer.recommendedRequirement == documented)
        #expect(answer.why?.hasPrefix("Microsoft's choice") == true)
        // The JSON gives programs the pair's two fields beside Microsoft's text.
        #expect(full.json.contains(
            #""requirements":{"least":[{"permission":"Application.Read.All","#
                + #""alsoRequires":"AppRoleAssignment.ReadWrite.All"},"#))
        #expect(full.json.contains(#"{"permission":"Application.ReadWrite.All","alsoRequires":null}"#))
    }

    @Test func singlePermissionsNeedNoRequirementsInTheJSON() {
        let set = ClaimSet(grants: grant("Mail.Read", ["GET"], least: true, order: 1))
        #expect(!LeastAnswer.from(method: "GET", url: "/t", template: "/t", claims: set).json.contains("requirements"))
    }

    @Test func aPairNarrowerThanTheDocumentedOneIsRecommended() throws {
        let set = ClaimSet(
            grants: grant("AgentCollection.ReadWrite.All", ["POST"], least: true, order: 1,
                          partners: ["AgentInstance.Read.All"])
                + grant("AgentInstance.Read.All", ["POST"], least: false, order: 2,
                        partners: ["AgentCollection.ReadWrite.Global"]))
        let full = LeastAnswer.from(method: "POST", url: "/t", template: "/t", claims: set)
        let answer = try #require(full[.delegatedWork])
        #expect(answer.recommendedRequirement?.permissions.sorted()
                    == ["AgentCollection.ReadWrite.Global", "AgentInstance.Read.All"])
        #expect(answer.why?.hasPrefix("it reaches fewer objects (Global rather than All)") == true)
    }
}
