import Foundation

/// What one HTTP exchange returned: the status, the headers and how many body bytes were stored.
struct HTTPResponse: Sendable {
    let status: Int
    /// Header values by lower-case name (the last of a repeated header).
    let headers: [String: String]
    /// Bytes stored in the destination (0 unless the status is 200).
    let bytes: Int
}

/// One GET to send: the URL and the header fields, in order.
struct HTTPRequest: Sendable {
    let url: URL
    var headers: [(name: String, value: String)] = []

    func value(_ name: String) -> String? { headers.last { $0.name.lowercased() == name.lowercased() }?.value }
}
