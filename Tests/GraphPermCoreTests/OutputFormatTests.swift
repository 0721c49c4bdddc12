import Testing
import GraphPermCore

/// Rows rendered in each shared format, Markdown cells and JSON text with its escapes.
@Suite struct OutputFormatTests {
    @Test func theFourFormatsInTheirOrder() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["table", "json", "md", "csv"])
        #expect(OutputFormat(rawValue: "markdown") == nil)
    }

    @Test func aTableLinesUpItsColumnsUnderADashedRule() {
        let rows = TabularText(columns: ["name", "scheme"], rows: [["Mail.Read", "Application"], ["A", ""]])
        #expect(rows.render(.table) == """
            name       scheme
            ---------  -----------
            Mail.Read  Application
            A

            """)
    }

    @Test func csvQuotesFieldsThatNeedItAndEndsLinesWithCRLF() {
        let rows = TabularText(columns: ["a", "b"], rows: [["x,y", "say \"hi\""], ["line\nbreak", "plain"]])
        #expect(rows.render(.csv) == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",plain\r\n")
    }

    @Test func markdownEscapesPipesAndNewLines() {
        #expect(Markdown.cell("a|b\r\nc\nd") == "a\\|b<br>c<br>d")
        let rows = TabularText(columns: ["x|y"], rows: [["1\n2"]])
        #expect(rows.render(.md) == "|x\\|y|\n|:---|\n|1<br>2|\n")
    }

    @Test func jsonKeysFollowTheColumns() {
        let rows = TabularText(columns: ["z", "a"], rows: [["1", "2"]])
        #expect(rows.render(.json) == #"[{"z":"1","a":"2"}]"# + "\n")
        #expect(TabularText(columns: ["a"], rows: []).json == "[]")
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("q\"b\\", #""q\"b\\""#),
        ("n\nr\rt\t", #""n\nr\rt\t""#),
        ("\u{1}\u{1f}", #""\u0001\u001f""#),
        ("é ✓", "\"é ✓\""),
    ])
    func jsonStringsEscapeQuotesBackslashesAndControls(text: String, json: String) {
        #expect(JSONText.string(text) == json)
    }

    @Test func jsonTextKeepsTheGivenKeyOrder() {
        #expect(JSONText.object([("b", JSONText.string("x")), ("a", "null")]) == #"{"b":"x","a":null}"#)
        #expect(JSONText.strings(["a", "b"]) == #"["a","b"]"#)
        #expect(JSONText.optional(nil) == "null" && JSONText.optional("x") == #""x""#)
        #expect(JSONText.bool(nil) == "null" && JSONText.bool(true) == "true" && JSONText.bool(false) == "false")
        #expect(JSONText.array([]) == "[]")
    }
}
