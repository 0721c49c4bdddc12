import GraphPermCLI
import MCP

/// The saved queries (`Queries/*.gpq`, as `graphperm queries` lists them) as MCP resources,
/// `graphperm://queries/NAME`, whose text is the query's statements (run each with the `query` tool).
enum SavedQueryResources {
    static let prefix = "graphperm://queries/"

    /// Every saved query as a resource, in name order.
    static func list() -> ListResources.Result {
        let resources = SavedQuery.all().map { query in
            Resource(
                name: query.name, uri: prefix + query.name, description: query.description, mimeType: "text/plain")
        }
        return ListResources.Result(resources: resources, nextCursor: nil)
    }

    /// The text of the saved query `uri` names; an unknown URI is "resource not found" (-32002).
    static func read(_ uri: String) throws -> ReadResource.Result {
        let queries = SavedQuery.all()
        guard uri.hasPrefix(prefix), let query = queries.first(where: { prefix + $0.name == uri }) else {
            let known = queries.map { prefix + $0.name }.joined(separator: ", ")
            throw MCPError.serverError(code: -32002, message: "Resource not found: \(uri) (the resources are \(known))")
        }
        return ReadResource.Result(contents: [.text(query.text, uri: uri, mimeType: "text/plain")])
    }
}
