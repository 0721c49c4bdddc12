import GraphPermQuery
/// Why a sync failed, naming the source URL or file (never a temporary path) and what was expected.
///
///     SyncError(source: "https://example.org/permissions.json", message: "HTTP 404 not found").description
///     // https://example.org/permissions.json: HTTP 404 not found
package struct SyncError: GraphPermError, Sendable {
    package enum Kind: Sendable, Equatable {
        /// The transfer failed or was refused (exit 74).
        case transfer
        /// The content arrived but is not what the file must be, or implausible next to the knowledge base (exit 65).
        case badContent
    }

    package let source: String
    package let message: String
    package let kind: Kind

    package init(source: String, message: String, kind: Kind = .transfer) {
        self.source = source
        self.message = message
        self.kind = kind
    }

    package var description: String { "\(source): \(message)" }

    /// A URL or text from a server, shortened to 200 characters for a message.
    static func excerpt(_ text: String) -> String {
        text.count <= 200 ? text : text.prefix(200) + "… (\(text.count) characters)"
    }

    /// The sysexits code: 65 for bad content, 74 for a failed or refused transfer.
    package var exitCode: Int32 { kind == .badContent ? 65 : 74 }
}
