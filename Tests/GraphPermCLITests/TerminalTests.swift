import Foundation
import Testing
@testable import GraphPermCLI

/// The terminal seen from a run whose standard output is a pipe or a file: no terminal, no size, no pager.
@Suite(.enabled(if: isatty(STDOUT_FILENO) == 0, "standard output is a terminal here"))
struct TerminalTests {
    @Test func outputToAPipeIsNoTerminalAndHasNoSize() {
        #expect(!Terminal.isOutputATerminal)
        #expect(Terminal.size == nil)
    }

    @Test func longOutputToAPipeIsNotPaged() {
        let text = (1...500).map { "line \($0)\n" }.joined()
        #expect(!Terminal.page(text))
    }

    @Test(.enabled(if: getenv("COLUMNS") == nil, "COLUMNS is set here"))
    func withoutATerminalOrColumnsTablesHaveNoWidth() {
        #expect(Terminal.tableWidth == nil)
    }
}
