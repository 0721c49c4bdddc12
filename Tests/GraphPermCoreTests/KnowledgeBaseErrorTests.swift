import Testing
import GraphPermCore

/// Why a knowledge base cannot be opened or queried: what to do, and the exit code.
@Suite struct KnowledgeBaseErrorTests {
    @Test(arguments: [
        (KnowledgeBaseError.missing(path: "kb.sqlite"), Int32(74),
         "no knowledge base at kb.sqlite: download Microsoft's permission data into it with `graphperm sync --db"
            + " kb.sqlite` (or build it from files with `graphperm load --db kb.sqlite FILE...`)"),
        (.notADatabase(path: "x.txt", detail: "file is not a database"), 65,
         "x.txt is not a graphperm knowledge base (file is not a database): build one with `graphperm load --db"
            + " x.txt PATH...`"),
        (.wrongVersion(path: "kb.sqlite", found: 3, expected: 9), 65,
         "kb.sqlite has schema version 3, this graphperm reads version 9: rebuild it with `graphperm load --db"
            + " kb.sqlite PATH...`"),
        (.unreadable(path: "kb.sqlite", detail: "permission denied"), 74,
         "kb.sqlite cannot be read: permission denied"),
        (.query(sql: "SELECT ?", detail: "no such column: x"), 65,
         "the query failed: no such column: x\n  SQL: SELECT ?"),
        (.writeRefused(detail: "DELETE"), 65,
         "refused: the knowledge base is read-only here; only SELECT statements run (DELETE)"),
    ])
    func eachSaysWhatToDoAndKnowsItsExitCode(error: KnowledgeBaseError, code: Int32, message: String) {
        #expect(error.exitCode == code)
        #expect(error.description == message)
        #expect(error.userMessage == "error: " + message)
    }

    @Test func aQueryErrorEscapesControlCharactersItQuotes() {
        let error = KnowledgeBaseError.query(sql: "SELECT '\u{1b}[2J'", detail: "bad\u{7}")
        #expect(!error.description.contains("\u{1b}") && !error.description.contains("\u{7}"))
    }
}
