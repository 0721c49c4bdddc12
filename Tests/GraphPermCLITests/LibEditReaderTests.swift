import Testing
@testable import GraphPermCLI
@testable import GraphPermKit

/// What the REPL's Tab offers through libedit: the context's candidates that start with the word typed, in any
/// letter case, in the context's order. (Reading lines needs a terminal; the REPL is tried by hand in tmux.)
@Suite(.serialized) struct LibEditReaderTests {
    static let words = CompletionContext.Words(
        permissions: ["Mail.Read", "Mail.ReadWrite", "User.Read"], roles: ["Security Reader"], entities: ["alerts"],
        templates: ["/me/messages", "/me/events"])

    @Test(arguments: [
        ("mail.re", "show ", ["Mail.Read", "Mail.ReadWrite"]),
        ("", "show ", ["Mail.Read", "Mail.ReadWrite", "User.Read", "Security Reader"]),
        ("sec", "paths of ", ["Security Reader"]),
        ("/me/m", "least GET ", ["/me/messages"]),
        ("pa", "least ", ["PATCH"]),
        ("le", "", ["least"]),
        (".f", "", [".format"]),
        ("xyz", "show ", []),
    ])
    func tabOffersTheCandidatesThatStartWithTheWord(prefix: String, before: String, expected: [String]) {
        let kept = LibEditReader.words
        defer { LibEditReader.words = kept }
        LibEditReader.words = Self.words
        #expect(LibEditReader.complete(prefix, before: Substring(before)) == expected)
    }
}
