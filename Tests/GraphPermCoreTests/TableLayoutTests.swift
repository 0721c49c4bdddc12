import Testing
@testable import GraphPermCore

struct TableLayoutTests {
    @Test func wrapsBetweenWordsFirstThenInsideNames() {
        #expect(TableLayout.wrap("Mail.Read, Mail.ReadWrite", width: 12) == ["Mail.Read,", "Mail.", "ReadWrite"])
        #expect(TableLayout.wrap("short", width: 12) == ["short"])
        #expect(TableLayout.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func aTableFitsTheWidthItIsGivenAndKeepsEveryCharacter() {
        let table = TabularText(
            columns: ["permission", "grants"],
            rows: [["Mail.Read", String(repeating: "GET /me/messages/{id}, ", count: 6)], ["User.Read", "GET /me"]])
        let plain = table.render(.table)
        let narrow = TableLayout.$width.withValue(40) { table.render(.table) }
        #expect(plain.split(separator: "\n").contains { $0.count > 40 })
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(narrow)")
        let squeeze: (String) -> String = { $0.filter { $0 != " " && $0 != "\n" && $0 != "-" } }
        #expect(squeeze(narrow) == squeeze(plain))
    }
}
