import Foundation
import GraphPermKit

/// Reads the tenant's Microsoft Graph service principal page by page (`@odata.nextLink`), sending the token only
/// where its policy allows, and writes the principals as one `{"value": [...]}` document.
struct TenantReader: Sendable {
    let url: URL
    let credential: Downloader.Credential
    let downloader: Downloader

    /// Writes the document to `file`; returns the bytes downloaded. `scratch` holds one page at a time.
    func read(into file: String, scratch: String) async throws -> Int {
        var next: URL? = url
        var pages = 0
        var bytes = 0
        var principals: [JSONValue] = []
        while let page = next {
            pages += 1
            guard pages <= downloader.limits.maxPages else {
                throw SyncError(
                    source: page.absoluteString,
                    message: "more than \(downloader.limits.maxPages) pages of @odata.nextLink: stopped")
            }
            guard case .saved(let count, _) = try await downloader.get(page, to: scratch, credential: credential) else {
                throw SyncError(source: page.absoluteString, message: "answered 304 to an unconditional request")
            }
            bytes += count
            let object = try parse(scratch, source: page.absoluteString)
            if case .array(let values)? = object["value"] {
                principals += values
            } else {
                principals.append(.object(object))
            }
            next = try nextLink(object, after: page)
        }
        let document = JSONValueText.render(.object(JSONObject([("value", .array(principals))])))
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: file))
        } catch {
            throw SyncError(
                source: url.absoluteString, message: "the answer cannot be stored (\(error.localizedDescription))")
        }
        return bytes
    }

    private func parse(_ scratch: String, source: String) throws -> JSONObject {
        guard let data = FileManager.default.contents(atPath: scratch) else {
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

    /// The next page, which must stay where the token may go.
    private func nextLink(_ object: JSONObject, after page: URL) throws -> URL? {
        guard let value = object["@odata.nextLink"] else { return nil }
        guard case .string(let link) = value, let next = URL(string: link), next.scheme != nil else {
            throw SyncError(
                source: page.absoluteString, message: "@odata.nextLink is not an absolute URL", kind: .badContent)
        }
        guard credential.policy.allows(next) else {
            throw SyncError(
                source: page.absoluteString,
                message: "refused to follow @odata.nextLink to \(SyncError.excerpt(next.absoluteString)): "
                    + "the access token goes only to \(credential.policy)")
        }
        return next
    }
}
