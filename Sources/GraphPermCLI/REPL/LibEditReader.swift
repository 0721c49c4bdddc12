import GraphPermPlatform
import GraphPermKit

/// Line editing, history and tab completion through libedit's readline interface, loaded at run time
/// (libedit is BSD-licensed; nothing links against it, so the program runs without it).
package final class LibEditReader: LineReader {
    private typealias ReadlineFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias StringFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32
    private typealias TruncateFunction = @convention(c) (UnsafePointer<CChar>?, Int32) -> Int32
    typealias Generator = @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias MatchesFunction =
        @convention(c) (UnsafePointer<CChar>?, Generator?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    typealias Completer =
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    private let readline: ReadlineFunction
    private let addHistory: StringFunction
    private let writeHistory: StringFunction
    private let truncateHistory: TruncateFunction
    private let historyPath: String?

    nonisolated(unsafe) static var words = CompletionContext.Words(
        permissions: [], roles: [], entities: [], templates: [])
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) fileprivate static var completionMatches: MatchesFunction?
    /// libedit's `rl_line_buffer`: the line being edited, which tells the completion its context.
    nonisolated(unsafe) fileprivate static var lineBuffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    /// libedit's `rl_attempted_completion_over`: set, so that no match never falls back to file names.
    nonisolated(unsafe) fileprivate static var completionOver: UnsafeMutablePointer<Int32>?

    /// Loads libedit; nil when it is not installed.
    package init?(historyPath: String?, words: CompletionContext.Words) {
        guard
            let handle = dlopen("libedit.so.2", RTLD_NOW) ?? dlopen("libedit.so", RTLD_NOW)
                ?? dlopen("libedit.dylib", RTLD_NOW),
              let readline = dlsym(handle, "readline"), let addHistory = dlsym(handle, "add_history"),
              let readHistory = dlsym(handle, "read_history"), let writeHistory = dlsym(handle, "write_history"),
              let truncate = dlsym(handle, "history_truncate_file") else { return nil }
        self.readline = unsafeBitCast(readline, to: ReadlineFunction.self)
        self.addHistory = unsafeBitCast(addHistory, to: StringFunction.self)
        self.writeHistory = unsafeBitCast(writeHistory, to: StringFunction.self)
        self.truncateHistory = unsafeBitCast(truncate, to: TruncateFunction.self)
        self.historyPath = historyPath
        if let using = dlsym(handle, "using_history") { unsafeBitCast(using, to: (@convention(c) () -> Void).self)() }
        if let catchSignals = dlsym(handle, "rl_catch_signals") {
            catchSignals.assumingMemoryBound(to: Int32.self).pointee = 0
        }
        if let historyPath { _ = unsafeBitCast(readHistory, to: StringFunction.self)(historyPath) }
        Self.words = words
        Self.lineBuffer = dlsym(handle, "rl_line_buffer")?.assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
        Self.completionOver = dlsym(handle, "rl_attempted_completion_over")?.assumingMemoryBound(to: Int32.self)
        if let matches = dlsym(handle, "rl_completion_matches"),
            let hook = dlsym(handle, "rl_attempted_completion_function")
        {
            Self.completionMatches = unsafeBitCast(matches, to: MatchesFunction.self)
            hook.assumingMemoryBound(to: Completer?.self).pointee = completeWord
        }
        InterruptFlag.install()
    }

    package func read(prompt: String) -> LineInput {
        guard let pointer = prompt.withCString({ readline($0) }) else {
            if InterruptFlag.take() {
                StandardStreams.write("\n", to: STDOUT_FILENO)
                return .interrupted
            }
            StandardStreams.write("\n", to: STDOUT_FILENO)  // Ctrl-D: leave on a new line
            return .end
        }
        defer { free(pointer) }
        if InterruptFlag.take() { return .interrupted }
        return .line(String(cString: pointer))
    }

    package func remember(_ line: String) {
        _ = line.withCString { addHistory($0) }
    }

    package func saveHistory() {
        guard let historyPath else { return }
        _ = writeHistory(historyPath)
        _ = truncateHistory(historyPath, 1_000)
    }

    /// Candidates for the context before the word that start with `prefix` (case-insensitive), in order.
    static func complete(_ prefix: String, before: Substring) -> [String] {
        let lower = prefix.lowercased()
        return CompletionContext.candidates(before: before, words: words).filter { $0.lowercased().hasPrefix(lower) }
    }
}

private let completeWord: LibEditReader.Completer = { text, start, _ in
    let prefix = text.map { String(cString: $0) } ?? ""
    let line = LibEditReader.lineBuffer?.pointee.map { String(cString: $0) } ?? ""
    let before =
        line.utf8.count >= Int(start) ? Substring(String(decoding: line.utf8.prefix(Int(start)), as: UTF8.self)) : ""
    LibEditReader.completionOver?.pointee = 1
    LibEditReader.matches = LibEditReader.complete(prefix, before: before)
    let generator: LibEditReader.Generator = { _, state in
        let index = Int(state)
        guard index < LibEditReader.matches.count else { return nil }
        return strdup(LibEditReader.matches[index])
    }
    return LibEditReader.completionMatches?(text, generator)
}
