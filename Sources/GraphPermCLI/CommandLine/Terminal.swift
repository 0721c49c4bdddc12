import GraphPermPlatform

/// The terminal the command runs in, if any: its size, and the pager long output goes through.
package enum Terminal {
    /// Whether standard output is a terminal (not a pipe or a file).
    package static var isOutputATerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The terminal's size in characters and lines, when standard output is one.
    package static var size: (columns: Int, rows: Int)? {
        guard isOutputATerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// The width tables fit: the terminal's, else `COLUMNS` when set (for a pipe that wants a width).
    package static var tableWidth: Int? {
        if let size { return size.columns }
        return Environment.value("COLUMNS").flatMap(Int.init).flatMap { $0 >= 20 ? $0 : nil }
    }

    /// Writes `text` to standard output, through `$PAGER` (else `less -FRX`) when it is longer than the terminal
    /// is high. Output to a pipe or a file, `PAGER=cat` or an empty `PAGER` is written directly.
    package static func page(_ text: String) -> Bool {
        guard let size, text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= size.rows - 1 else {
            return false
        }
        let pager = getenv("PAGER").map { String(cString: $0) } ?? "less -FRX"  // set and empty: no pager
        guard !pager.trimmed().isEmpty, pager != "cat" else { return false }
        guard let pipe = popen(pager, "w") else { return false }
        let written = text.withCString { fputs($0, pipe) } >= 0
        let status = pclose(pipe)
        return written && status != -1 && status != 127 << 8
    }
}
