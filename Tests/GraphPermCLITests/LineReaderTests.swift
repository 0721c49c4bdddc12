import Foundation
import Testing
@testable import GraphPermCLI

/// The REPL's plain reader with a pipe as standard input: whole lines, the end of input, Ctrl-C dropping a line.
@Suite(.serialized) struct LineReaderTests {
    /// Runs `body` with standard input replaced by a pipe it can write to, then puts standard input and the SIGINT
    /// handling back as they were.
    static func withPipeAsStandardInput(_ body: (_ write: Int32) throws -> Void) throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let saved = dup(STDIN_FILENO)
        var interrupt = sigaction()
        sigaction(SIGINT, nil, &interrupt)
        defer {
            dup2(saved, STDIN_FILENO)
            close(saved)
            close(ends[0])
            sigaction(SIGINT, &interrupt, nil)
        }
        dup2(ends[0], STDIN_FILENO)
        defer { close(ends[1]) }
        try body(ends[1])
    }

    static func send(_ text: String, to descriptor: Int32) {
        StandardStreams.write(text, to: descriptor)
    }

    @Test func linesComeOneAtATimeAndTheLastNeedsNoLineEnd() throws {
        try Self.withPipeAsStandardInput { input in
            Self.send("least GET /me\n\nroles\nshow Mail.Read", to: input)
            close(input)
            let reader = PlainLineReader(showsPrompt: false)
            let lines = (0..<6).map { _ in reader.read(prompt: "> ") }
            #expect(lines == [.line("least GET /me"), .line(""), .line("roles"), .line("show Mail.Read"), .end, .end])
        }
    }

    @Test func anEmptyInputEndsAtOnce() throws {
        try Self.withPipeAsStandardInput { input in
            close(input)
            #expect(PlainLineReader(showsPrompt: false).read(prompt: "> ") == .end)
        }
    }

    @Test func aLineLongerThanOneReadAndACharacterAcrossReadsStayWhole() throws {
        try Self.withPipeAsStandardInput { input in
            let long = String(repeating: "a", count: 4_095) + "é" + String(repeating: "b", count: 5_000)
            Self.send(long + "\nroles\n", to: input)
            close(input)
            let reader = PlainLineReader(showsPrompt: false)
            #expect(reader.read(prompt: "> ") == .line(long))
            #expect(reader.read(prompt: "> ") == .line("roles"))
            #expect(reader.read(prompt: "> ") == .end)
        }
    }

    @Test func aLineWrittenLaterIsWaitedFor() throws {
        try Self.withPipeAsStandardInput { input in
            let reader = PlainLineReader(showsPrompt: false)
            let writer = Thread {
                Thread.sleep(forTimeInterval: 0.05)
                Self.send("least ", to: input)
                Thread.sleep(forTimeInterval: 0.05)
                Self.send("GET /me\n", to: input)
            }
            writer.start()
            #expect(reader.read(prompt: "> ") == .line("least GET /me"))
        }
    }

    @Test func ctrlCAbandonsTheHalfTypedLine() throws {
        try Self.withPipeAsStandardInput { input in
            Self.send("least GET /m", to: input)
            let results = MessageBox()
            let ready = DispatchSemaphore(value: 0)
            let readerThread = Thread {
                let reader = PlainLineReader(showsPrompt: false)
                results.thread = pthread_self()
                ready.signal()
                results.inputs.append(reader.read(prompt: "> "))
                results.inputs.append(reader.read(prompt: "> "))
                results.done.signal()
            }
            readerThread.start()
            ready.wait()
            // The reader has the half line and waits for more; Ctrl-C arrives.
            Thread.sleep(forTimeInterval: 0.1)
            pthread_kill(results.thread!, SIGINT)
            Thread.sleep(forTimeInterval: 0.1)
            Self.send("roles\n", to: input)
            #expect(results.done.wait(timeout: .now() + 10) == .success)
            #expect(results.inputs == [.interrupted, .line("roles")])
        }
    }
}

/// What the reading thread saw, read by the test after `done`.
private final class MessageBox: @unchecked Sendable {
    var thread: pthread_t?
    var inputs: [LineInput] = []
    let done = DispatchSemaphore(value: 0)
}
