import Foundation
import GraphPermKit

/// One page of a Microsoft Graph collection read back from disk: its JSON object, and its `@odata.nextLink`
/// checked against where the token may go.
enum GraphPage {
    /// The page in `file` as a JSON object; errors name `source` (the URL), never the file.
    static func parse(_ file: String, source: String) throws -> JSONObject {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw SyncError(source: source, message: "the answer cannot be read back")
        }
        switch Result(catching: { try JSONParser.parse([UInt8](data)) }) {
        case .success(.object(let object)): return object
        case .success(let value):
            throw SyncError(
                source: source, message: "expected a JSON object, found \(value.typeDescription)", kind: .badContent)
        case .failure(let error):
            throw SyncError(source: source, message: "the answer is not valid JSON (\(error))", kind: .badContent)
        }
    }

    /// The next page, which must stay where the token may go; nil on the last page.
    static func nextLink(_ object: JSONObject, after page: URL, policy: TokenPolicy) throws -> URL? {
        guard let value = object["@odata.nextLink"] else { return nil }
        guard case .string(let link) = value, let next = URL(string: link), next.scheme != nil else {
            throw SyncError(
                source: page.absoluteString, message: "@odata.nextLink is not an absolute URL", kind: .badContent)
        }
        guard policy.allows(next) else {
            throw SyncError(
                source: page.absoluteString,
                message: "refused to follow @odata.nextLink to \(SyncError.excerpt(next.absoluteString)): "
                    + "the access token goes only to \(policy)")
        }
        return next
    }
}
