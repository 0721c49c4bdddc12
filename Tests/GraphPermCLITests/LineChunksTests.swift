import Foundation
import Testing
import GraphPermCLI

/// Standard input as chunks of whole lines, read here from a pipe.
@Suite struct LineChunksTests {
    /// All chunks of `text` written to a pipe and closed.
    static func chunks(_ text: String) throws -> [[String]] {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(text.utf8))
        try pipe.fileHandleForWriting.close()
        var input = LineChunks(descriptor: pipe.fileHandleForReading.fileDescriptor)
        var result: [[String]] = []
        while let lines = try input.next() { result.append(lines) }
        try pipe.fileHandleForReading.close()
        return result
    }

    @Test func linesLoseTheirEndsAndALastLineWithoutOneStillCounts() throws {
        #expect(try Self.chunks("least GET /me\r\nroles\n\nshow x") == [["least GET /me", "roles", ""], ["show x"]])
    }

    @Test func emptyInputHasNoChunks() throws {
        #expect(try Self.chunks("").isEmpty)
        #expect(try Self.chunks("\n") == [[""]])
    }

    @Test func aCarriageReturnOnlyEndsALineBeforeANewLine() throws {
        #expect(try Self.chunks("a\rb\n") == [["a\rb"]])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data([0x61, 0xFF, 0x0A]))
        try pipe.fileHandleForWriting.close()
        var input = LineChunks(descriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(try input.next() == ["a\u{FFFD}"])
        #expect(try input.next() == nil)
        try pipe.fileHandleForReading.close()
    }

    @Test func aDescriptorThatCannotBeReadIsAnIOError() {
        var input = LineChunks(descriptor: -1)
        do {
            _ = try input.next()
            Issue.record("read from descriptor -1")
        } catch {
            #expect(error.exitCode == 74)
            #expect(error.description.hasPrefix("standard input cannot be read ("))
        }
    }
}
