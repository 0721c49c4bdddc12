import Testing
import GraphPermKit

/// The risk-tier reference document of the mini knowledge base.
@Suite struct KnowledgeBaseTierReferenceTests {
    static let text = (try? MiniKnowledgeBase.shared.reference(.tiers).first?.markdown) ?? ""

    @Test func sectionsInTheirOrder() {
        let headings = ["# Risk tiers of Microsoft Graph permissions\n\n|Tier|Meaning|\n|---|---|\n|0|",
                        "\n## Tier 0\n\n|Permission|Schemes|Impact|Attack path|Preconditions|Basis|\n",
                        "\n## Preconditions\n\n|Key|Meaning|\n|---|---|\n",
                        "\n## Every permission\n\n"
                            + "|Permission|Application|DelegatedWork|DelegatedPersonal|Basis|Reason|\n"]
        let places = headings.map { Self.text.range(of: $0)?.lowerBound }
        #expect(places.allSatisfy { $0 != nil })
        #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted())
        #expect(Self.text.hasPrefix(headings[0]))
    }

    @Test func everyPermissionHasARowWithADashForASchemeItLacks() throws {
        let every = try #require(Self.text.components(separatedBy: "\n## Every permission\n\n").last)
        let rows = every.split(separator: "\n").dropFirst(2).map {
            $0.split(separator: "|", omittingEmptySubsequences: false)
        }
        let names = rows.map { String($0[1]) }
        for name in ["Mail.Read", "Mail.ReadWrite", "User.EnableDisableAccount.All", "User.Read.All"] {
            #expect(names.contains(name), "\(name) has no row")
        }
        // No permission of the mini document exists for personal accounts.
        let mail = try #require(rows.first { $0[1] == "Mail.Read" })
        #expect(mail[4] == "-" && mail[2].hasPrefix("T") && mail[3].hasPrefix("T"))
    }
}
