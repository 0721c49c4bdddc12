import Testing
@testable import GraphPermCLI
@testable import GraphPermKit

struct CompletionContextTests {
    /// What bash's completion script asks the binary for `graphperm show Mail.Re<Tab>`.
    @Test func theShellCompletesPermissionNamesFromTheKnowledgeBase() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let db = folder.path + "/kb.sqlite"
        try KnowledgeBase.buildFromSnapshot(at: db)
        let result = try CommandRunner.run(
            ["---completion", "show", "--", "positional@0", "4", "7", "graphperm", "show", "--db", db, "Mail.Re"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = result.stdout.split(separator: "\n").map(String.init)
        #expect(names.contains("Mail.Read") && names.contains("Mail.ReadBasic"), "\(names)")
        #expect(names.allSatisfy { $0.hasPrefix("Mail.Re") }, "\(names)")
    }

    let words = CompletionContext.Words(
        permissions: ["Mail.Read", "User.Read"], roles: ["Security Reader"], entities: ["alerts"],
        templates: ["/me/messages"])

    @Test(arguments: [
        ("", ["least", "who", "show", "paths", "permissions", "calls", "compare", "entities", "roles", "explain",
              ".help", ".format", ".schema", ".sql", ".quit"]),
        ("least ", ["GET", "POST", "PUT", "PATCH", "DELETE"]),
        ("who ", ["can"]),
        ("who can ", ["GET", "POST", "PUT", "PATCH", "DELETE"]),
        ("least GET ", ["/me/messages", "alerts"]),
        ("show ", ["Mail.Read", "User.Read", "Security Reader"]),
        ("paths of ", ["Mail.Read", "User.Read", "Security Reader"]),
        ("least GET /me for ", ["delegated", "work", "personal", "application"]),
        (".format ", ["table", "json", "md", "csv"]),
        ("paths of Mail.Read where ", ["template", "method", "scheme", "least", "also_requires", "resource"]),
    ])
    func offersWhatFitsTheContext(before: String, expected: [String]) {
        let candidates = CompletionContext.candidates(before: Substring(before), words: words)
        if before.hasPrefix("paths of Mail.Read where") {
            #expect(candidates.contains("method") && !candidates.contains("Mail.Read"), "\(candidates)")
        } else {
            #expect(candidates == expected)
        }
    }
}
