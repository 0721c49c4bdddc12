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
            let object = try GraphPage.parse(scratch, source: page.absoluteString)
            if case .array(let values)? = object["value"] {
                principals += values
            } else {
                principals.append(.object(object))
            }
            next = try GraphPage.nextLink(object, after: page, policy: credential.policy)
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
}
