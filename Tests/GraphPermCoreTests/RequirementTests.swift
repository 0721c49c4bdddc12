import Foundation
import Testing
@testable import GraphPermCore

/// A permission and its AlsoRequires partner: fields for programs, Microsoft's text for people.
struct RequirementTests {
    @Test func labelIsMicrosoftsTextAndPermissionsListBoth() {
        let pair = Requirement("User.EnableDisableAccount.All", alsoRequires: "User.Read.All")
        #expect(pair.label == "User.EnableDisableAccount.All and User.Read.All")
        #expect(pair.permissions == ["User.EnableDisableAccount.All", "User.Read.All"])
        let single = Requirement("Mail.Read")
        #expect(single.label == "Mail.Read" && single.permissions == ["Mail.Read"] && single.alsoRequires == nil)
    }

    @Test func anEmptyPartnerIsNoPartner() {
        #expect(Requirement("Mail.Read", alsoRequires: "") == Requirement("Mail.Read"))
    }

    @Test func codesAsItsTwoFields() throws {
        let json = try JSONEncoder().encode(Requirement("A.Read", alsoRequires: "B.Read"))
        let decoded = try JSONDecoder().decode(Requirement.self, from: json)
        #expect(decoded == Requirement("A.Read", alsoRequires: "B.Read"))
        #expect(String(decoding: json, as: UTF8.self).contains(#""alsoRequires":"B.Read""#))
    }
}
