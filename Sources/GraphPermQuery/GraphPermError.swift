/// An error every part of graphperm throws at its users: it says what went wrong, where and what was expected, and
/// knows the exit code the command line ends with (1 no answer, 64 usage, 65 bad data, 74 I/O). The command line
/// maps it once, in `GraphPerm.main`.
///
///     LoadError.io(file: "kb.sqlite", message: "no such file").exitCode  // 74
public protocol GraphPermError: Error, CustomStringConvertible {
    /// The process exit code for this error.
    var exitCode: Int32 { get }
    /// The line printed on standard error (by default `error: ` and the description).
    var userMessage: String { get }
}

extension GraphPermError {
    /// `error: ` and the description: `error: no such permission: Mail.Raed`.
    public var userMessage: String { "error: \(description)" }
}
