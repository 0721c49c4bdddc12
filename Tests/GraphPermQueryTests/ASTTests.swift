import Testing
import GraphPermQuery

/// The words for permission types a statement takes, and the scheme names each covers.
@Suite struct ASTTests {
    @Test(arguments: [
        ("delegated", SchemeFilter?.some(.delegated)), ("Work", .work), ("delegated-work", .work),
        ("DelegatedWork", .work), ("personal", .personal), ("delegated-personal", .personal), ("APP", .application),
        ("app-only", .application), ("application", .application), ("user", nil), ("", nil),
    ] as [(String, SchemeFilter?)])
    func wordsForPermissionTypes(word: String, filter: SchemeFilter?) {
        #expect(SchemeFilter(word: word) == filter)
    }

    @Test func schemeNamesInMicrosoftsOrder() {
        #expect(SchemeFilter.delegated.schemeNames == ["DelegatedWork", "DelegatedPersonal"])
        #expect(SchemeFilter.allCases.map(\.schemeNames.count) == [2, 1, 1, 1])
        #expect(SchemeFilter.application.schemeNames == ["Application"])
    }

    @Test func operatorsSpellTheirSymbols() {
        #expect(Operator.allCases.map(\.rawValue) == ["=", "!=", "<", "<=", ">", ">=", "like", "not like"])
    }
}
