import GraphPermPlatform
import GraphPermKit

/// What reading one line gave.
package enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C: abandon the line.
    case interrupted
    /// Ctrl-D or the end of the input.
    case end
}

/// Line input for the REPL: libedit when it can be loaded (editing, history, completion), else plain input.
package protocol LineReader: AnyObject {
    func read(prompt: String) -> LineInput
    func remember(_ line: String)
    func saveHistory()
}

/// SIGINT handling shared by both readers: the handler only sets a flag; reads are not restarted, so a
/// pending read returns and the REPL abandons the line. SIGINT is unblocked in case the parent blocked it.
enum InterruptFlag {
    nonisolated(unsafe) static var raised: sig_atomic_t = 0
    /// The thread that reads lines: a SIGINT delivered to any other thread is passed on to it, so its read returns.
    nonisolated(unsafe) static var reader = pthread_self()

    static func install() {
        reader = pthread_self()
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { signal in
            InterruptFlag.raised = 1
            if pthread_equal(pthread_self(), InterruptFlag.reader) == 0 { pthread_kill(InterruptFlag.reader, signal) }
        }
        #if os(Linux)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
    }

    /// Whether Ctrl-C was pressed since the last call.
    static func take() -> Bool {
        defer { raised = 0 }
        return raised != 0
    }
}

/// Plain line input (no editing), used when libedit is missing or input is not a terminal.
package final class PlainLineReader: LineReader {
    private let showsPrompt: Bool
    private var buffer: [UInt8] = []
    private var atEnd = false

    package init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
        InterruptFlag.install()
    }

    package func read(prompt: String) -> LineInput {
        if showsPrompt {
            StandardStreams.write(prompt, to: STDOUT_FILENO)
        }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return .end }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { StandardStreams.systemRead(STDIN_FILENO, $0.baseAddress, 4096) }
            if count < 0 {
                if errno == EINTR, InterruptFlag.take() {
                    buffer.removeAll()
                    StandardStreams.write("\n", to: STDOUT_FILENO)
                    return .interrupted
                }
                if errno == EINTR { continue }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                buffer += chunk[..<count]
            }
        }
    }

    package func remember(_ line: String) {}
    package func saveHistory() {}
}
