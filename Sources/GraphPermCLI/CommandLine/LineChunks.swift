import GraphPermPlatform
import GraphPermQuery
import GraphPermKit

/// Standard input as chunks of whole lines: each chunk holds the lines that one `read` brought in, so a file
/// is taken in large gulps and a program that writes one line and waits gets its answer at once.
///
///     var input = LineChunks()
///     while let lines = try input.next() { ... }   // without line ends ("\n" or "\r\n")
package struct LineChunks {
    /// A read that failed (not the end of the input).
    package struct ReadError: GraphPermError {
        package let reason: String
        package var exitCode: Int32 { 74 }
        package var description: String { "standard input cannot be read (\(reason))" }
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)
    private var atEnd = false

    package init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    /// The next lines, or nil at the end of the input.
    package mutating func next() throws(ReadError) -> [String]? {
        while true {
            if let end = pending.lastIndex(of: UInt8(ascii: "\n")) {
                let lines = pending[..<end].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(
                    Self.line)
                pending.removeSubrange(...end)
                return lines
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return [Self.line(pending[...])]
            }
            try readMore()
        }
    }

    private mutating func readMore() throws(ReadError) {
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(reason: String(cString: strerror(errno))) }
            if count == 0 { atEnd = true } else { pending += buffer[..<count] }
            return
        }
    }

    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
    }
}
