import GraphPermQuery
/// Why a load failed: the file, the place in it, and what was expected.
///
///     LoadError.data(file: "permissions.json", place: "$.permissions[\"Mail.Read\"].pathSets[2].methods",
///                    message: "expected an array of strings, found a string").description
///     // permissions.json: $.permissions["Mail.Read"].pathSets[2].methods: expected an array of strings, found
///     // a string
public enum LoadError: GraphPermError, Sendable, Equatable {
    /// The content is wrong (exit 65).
    case data(file: String, place: String, message: String)
    /// The file could not be read or the database could not be written (exit 74).
    case io(file: String, message: String)

    /// The error in one line, naming the file and the place: `permissions.json: $.permissions: expected an object`.
    public var description: String {
        switch self {
        case .data(let file, let place, let message): "\(file): \(place): \(message)"
        case .io(let file, let message): "\(file): \(message)"
        }
    }

    /// The sysexits code: 65 for bad data, 74 for I/O.
    public var exitCode: Int32 {
        switch self {
        case .data: 65
        case .io: 74
        }
    }
}
