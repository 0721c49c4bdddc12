import Foundation
import Testing
@testable import GraphPermCLI

/// Writing and reading whole texts on file descriptors, here the two ends of pipes.
struct StandardStreamsTests {
    /// A pipe's read and write descriptors.
    static func pipeEnds() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // not inherited by other tests' children
        return (ends[0], ends[1])
    }

    @Test func whatIsWrittenIsReadBackWhole() throws {
        let ends = try Self.pipeEnds()
        StandardStreams.write("least GET /me\nZoë ✓\n", to: ends.write)
        close(ends.write)
        #expect(String(decoding: StandardStreams.readAll(ends.read), as: UTF8.self) == "least GET /me\nZoë ✓\n")
        close(ends.read)
    }

    @Test func anEmptyInputReadsAsNoBytes() throws {
        let ends = try Self.pipeEnds()
        close(ends.write)
        #expect(StandardStreams.readAll(ends.read) == [])
        close(ends.read)
    }

    /// More than a pipe holds and than one read takes (64 KiB): the writer waits for the reader, nothing is lost.
    @Test func aTextLargerThanThePipeArrivesComplete() throws {
        let ends = try Self.pipeEnds()
        let text = (0..<40_000).map { "line \($0)\n" }.joined()
        let writer = Thread {
            StandardStreams.write(text, to: ends.write)
            close(ends.write)
        }
        writer.start()
        let bytes = StandardStreams.readAll(ends.read)
        close(ends.read)
        #expect(bytes.count == text.utf8.count)
        #expect(bytes == Array(text.utf8))
    }

    @Test func writingToAPipeNobodyReadsGivesUp() throws {
        let ends = try Self.pipeEnds()
        close(ends.read)
        // SIGPIPE is held back on this thread, so the write fails with EPIPE as when the signal is ignored.
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSignal, &previous)
        StandardStreams.write("nobody reads this\n", to: ends.write)
        var pending = sigset_t()
        sigpending(&pending)
        let signalled = sigismember(&pending, SIGPIPE) == 1
        var none = timespec(tv_sec: 0, tv_nsec: 0)
        _ = sigtimedwait(&pipeSignal, nil, &none)
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        close(ends.write)
        #expect(signalled)
    }

    @Test func systemReadReadsUpToTheCountAsked() throws {
        let ends = try Self.pipeEnds()
        StandardStreams.write("abcdef", to: ends.write)
        close(ends.write)
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(buffer.withUnsafeMutableBytes { StandardStreams.systemRead(ends.read, $0.baseAddress, 4) } == 4)
        #expect(buffer == Array("abcd".utf8))
        #expect(buffer.withUnsafeMutableBytes { StandardStreams.systemRead(ends.read, $0.baseAddress, 4) } == 2)
        #expect(buffer.withUnsafeMutableBytes { StandardStreams.systemRead(ends.read, $0.baseAddress, 4) } == 0)
        close(ends.read)
    }
}
