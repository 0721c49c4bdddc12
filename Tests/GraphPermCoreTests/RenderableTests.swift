import Testing
@testable import GraphPermCore

/// The one renderer: each format from the form an answer has, nil where it has none.
struct RenderableTests {
    /// An answer that reads as prose, as a diagnosis does: JSON and text only.
    struct Verdict: Renderable {
        var json: String { #"{"verdict":"denied"}"# }
        var proseForm: String? { "denied: the token lacks Mail.Read\n" }
    }

    @Test func proseHasTableAndJSONButNoRowFormats() {
        let verdict = Verdict()
        #expect(verdict.formats == [.table, .json])
        #expect(verdict.rendered(.table) == "denied: the token lacks Mail.Read\n")
        #expect(verdict.rendered(.json) == "{\"verdict\":\"denied\"}\n")
        #expect(verdict.rendered(.csv) == nil && verdict.rendered(.md) == nil)
    }

    @Test func rowsHaveEveryFormat() {
        let rows = TabularText(columns: ["name", "tier"], rows: [["Mail.Read", "T1"]])
        #expect(rows.formats == OutputFormat.allCases)
        #expect(rows.rendered(.csv) == "name,tier\r\nMail.Read,T1\r\n")
        #expect(rows.rendered(.json) == #"[{"name":"Mail.Read","tier":"T1"}]"# + "\n")
        #expect(rows.rendered(.md) == "|name|tier|\n|:---|:---|\n|Mail.Read|T1|\n")
    }

    @Test func aLeastAnswerInMarkdownIsItsDocsTableUnderAHeading() {
        let grants = [Grant(permission: "Mail.Read", scheme: .application, method: "GET", template: "/t",
                            isLeast: true, alsoRequires: [], claimOrder: 1)]
        let answer = LeastAnswer.from(method: "GET", url: "/t", template: "/t", claims: ClaimSet(grants: grants))
        let markdown = answer.rendered(.md)
        #expect(markdown?.hasPrefix("### GET /t\n\n|Permission type|Least privileged permissions|") == true)
        #expect(markdown?.contains("|Application|Mail.Read|Not available.|") == true)
    }
}
