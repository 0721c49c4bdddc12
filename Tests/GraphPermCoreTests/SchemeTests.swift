import Testing
@testable import GraphPermCore

/// `--scheme delegated`, `for delegated` and the JSON's `DelegatedWork` are one vocabulary.
struct SchemeTests {
    static let words: [(String, [Scheme])] = [
        ("delegated", [.delegatedWork, .delegatedPersonal]), ("work", [.delegatedWork]),
        ("delegated-work", [.delegatedWork]), ("DelegatedWork", [.delegatedWork]),
        ("personal", [.delegatedPersonal]), ("delegated-personal", [.delegatedPersonal]),
        ("application", [.application]), ("app", [.application]), ("Application", [.application]),
    ]

    @Test(arguments: words)
    func aWordNamesItsPermissionTypes(word: String, schemes: [Scheme]) {
        #expect(Scheme.set(userText: word) == Set(schemes))
    }

    @Test func delegatedIsTwoTypesSoNotOne() {
        #expect(Scheme(userText: "delegated") == nil)
        #expect(Scheme(userText: "work") == .delegatedWork)
        #expect(Scheme.set(userText: "admin") == nil && Scheme.set(userText: "") == nil)
    }

    @Test func namesAndKeysRoundTrip() {
        for scheme in Scheme.allCases {
            #expect(Scheme(id: scheme.id) == scheme)
            #expect(Scheme(userText: scheme.optionName) == scheme)
            #expect(Scheme(userText: scheme.rawValue) == scheme)
        }
        #expect(Scheme.allCases.sorted() == [.delegatedWork, .delegatedPersonal, .application])
        #expect(Scheme.allCases.filter(\.isDelegated) == [.delegatedWork, .delegatedPersonal])
    }
}
