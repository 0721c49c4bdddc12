import Foundation
import Testing
@testable import GraphPermCLI

/// The REPL's plain reader with a pipe as standard input: whole lines, the end of input, Ctrl-C dropping a line.
@Suite(.serialized) struct LineReaderTests {
    /// Runs `body` with standard input replaced by a pipe it writes to, then puts standard input and the SIGINT
    /// handling back as they were.
    static func withPipeAsStandardInput(_ body: (_ input: PipeInput) throws -> Void) throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // not inherited by other tests' children
        let saved = dup(STDIN_FILENO)
        var interrupt = sigaction()
        sigaction(SIGINT, nil, &interrupt)
        let input = PipeInput(descriptor: ends[1])
        defer {
            input.end()
            dup2(saved, STDIN_FILENO)
            close(saved)
            close(ends[0])
            sigaction(SIGINT, &interrupt, nil)
        }
        dup2(ends[0], STDIN_FILENO)
        try body(input)
    }

    @Test func linesComeOneAtATimeAndTheLastNeedsNoLineEnd() throws {
        try Self.withPipeAsStandardInput { input in
            input.send("least GET /me\n\nroles\nshow Mail.Read")
            input.end()
            let reader = PlainLineReader(showsPrompt: false)
            let lines = (0..<6).map { _ in reader.read(prompt: "> ") }
            #expect(lines == [.line("least GET /me"), .line(""), .line("roles"), .line("show Mail.Read"), .end, .end])
        }
    }

    @Test func anEmptyInputEndsAtOnce() throws {
        try Self.withPipeAsStandardInput { input in
            input.end()
            #expect(PlainLineReader(showsPrompt: false).read(prompt: "> ") == .end)
        }
    }

    @Test func aLineLongerThanOneReadAndACharacterAcrossReadsStayWhole() throws {
        try Self.withPipeAsStandardInput { input in
            let long = String(repeating: "a", count: 4_095) + "é" + String(repeating: "b", count: 5_000)
            input.send(long + "\nroles\n")
            input.end()
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
                input.send("least ")
                Thread.sleep(forTimeInterval: 0.05)
                input.send("GET /me\n")
            }
            writer.start()
            #expect(reader.read(prompt: "> ") == .line("least GET /me"))
        }
    }

    @Test func ctrlCAbandonsTheHalfTypedLine() throws {
        try Self.withPipeAsStandardInput { input in
            input.send("least GET /m")
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
            input.send("roles\n")
            #expect(results.done.wait(timeout: .now() + 10) == .success)
            #expect(results.inputs == [.interrupted, .line("roles")])
        }
    }
}

/// The writing end of the pipe standing in for standard input, closed once (a descriptor closed twice could be
/// another test's by then).
final class PipeInput: @unchecked Sendable {
    private let descriptor: Int32
    private var isOpen = true

    init(descriptor: Int32) { self.descriptor = descriptor }

    func send(_ text: String) { StandardStreams.write(text, to: descriptor) }

    /// Closes the pipe: the reader sees the end of the input.
    func end() {
        guard isOpen else { return }
        isOpen = false
        close(descriptor)
    }
}

/// What the reading thread saw, read by the test after `done`.
private final class MessageBox: @unchecked Sendable {
    var thread: pthread_t?
    var inputs: [LineInput] = []
    let done = DispatchSemaphore(value: 0)
}
