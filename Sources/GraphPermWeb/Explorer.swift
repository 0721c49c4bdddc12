import Foundation
import GraphPermCore
import GraphPermJSON
import GraphPermKit
import GraphPermStore
import Synchronization

/// The explorer: answers a `WebRequest` with a page or a JSON answer from a knowledge base, read-only.
///
///     let explorer = Explorer(kb: try KnowledgeBase.open(path: "graphperm.sqlite"))
///     explorer.respond(to: WebRequest(method: "GET", target: "/api/least?method=GET&url=/me")).status  // 200
package final class Explorer: Sendable {
    let kb: KnowledgeBase
    /// `/api/least` answers by request target (the knowledge base never changes while the server runs).
    private let leastCache = Mutex<[String: WebResponse]>([:])
    private static let leastCacheLimit = 20_000
    /// Permission, role and entity names for the search box, read on first use.
    let nameIndex = Mutex<[(kind: String, name: String)]?>(nil)
    /// The API reference documents, made on first use.
    let apiReference = Mutex<[ReferenceDocument]?>(nil)
    /// Permission cards by name, for the DevX-compatible endpoint.
    let cards = Mutex<[String: PermissionCard]>([:])

    /// The largest request body accepted (a HAR file of a long session fits).
    package static let maxBodyBytes = 4 << 20

    package init(kb: KnowledgeBase) {
        self.kb = kb
    }

    /// The response to `request`; never throws: every failure is an error page or JSON error.
    package func respond(to request: WebRequest) -> WebResponse {
        let isAPI = request.path.hasPrefix("/api/") || request.path == "/openapi.json" || isDevX(request)
        do {
            guard let response = try route(request) else {
                throw WebError(status: 404, exitCode: 1, message: "no page at \(request.path)")
            }
            return response
        } catch {
            let failure = WebError(error)
            return isAPI ? failure.json : failure.page
        }
    }

    /// Whether the request is the DevX-compatible permissions endpoint rather than a permission's page.
    private func isDevX(_ request: WebRequest) -> Bool {
        request.path == "/permissions" || request.path == "/permissions/"
    }

    private func route(_ request: WebRequest) throws -> WebResponse? {
        let path = request.path
        let isRead = request.method == "GET" || request.method == "HEAD"
        switch (request.method, path) {
        case ("POST", "/need"): return try needResult(request)
        case ("POST", "/diagnose"): return try diagnoseResult(request)
        case ("POST", "/api/need"): return try apiNeed(request)
        case ("POST", "/permissions"), ("POST", "/permissions/"): return try devXBatch(request)
        default: break
        }
        guard isRead else {
            throw WebError(status: 405, exitCode: 64, message: "\(request.method) is not accepted at \(path)")
        }
        switch path {
        case "/": return homePage()
        case "/search": return try searchPage(request)
        case "/least": return try leastPage(request)
        case "/paths": return try pathsPage(request)
        case "/need": return needForm()
        case "/diagnose": return diagnoseForm()
        case "/query": return queryPage(request)
        case "/queries": return savedQueriesPage()
        case "/reference": return referenceIndex()
        case "/permissions", "/permissions/": return try devXLookup(request)
        case "/api/least": return try cachedLeast(request)
        case "/api/who-can": return try apiWhoCan(request)
        case "/api/query": return apiQuery(request)
        case "/api/search": return try apiSearch(request)
        case "/openapi.json": return .json(OpenAPIDocument.text)
        case "/static/app.css": return WebResponse(contentType: "text/css; charset=utf-8", text: Assets.css)
        case "/static/app.js": return WebResponse(contentType: "text/javascript; charset=utf-8", text: Assets.script)
        case "/favicon.ico": return WebResponse(status: 204, contentType: "image/x-icon", text: "")
        default: break
        }
        if let name = Self.tail(of: path, after: "/permissions/") { return try permissionPage(name) }
        if let name = Self.tail(of: path, after: "/api/show/") { return try apiShow(name) }
        if let name = Self.tail(of: path, after: "/queries/") { return savedQueryPage(name) }
        if let kind = Self.tail(of: path, after: "/reference/") { return try referencePage(kind) }
        return nil
    }

    /// The rest of `path` after `prefix`, when there is some.
    private static func tail(of path: String, after prefix: String) -> String? {
        guard path.hasPrefix(prefix), path.count > prefix.count else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    /// `/api/least`, answered from the cache when the same target was asked before.
    private func cachedLeast(_ request: WebRequest) throws -> WebResponse {
        let key = request.query.map { $0.name + "=" + $0.value }.joined(separator: "&")
        if let cached = leastCache.withLock({ $0[key] }) { return cached }
        let response = try apiLeast(request)
        leastCache.withLock { cache in
            if cache.count >= Self.leastCacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = response
        }
        return response
    }

    /// A required query parameter, or a 400 naming it.
    func required(_ request: WebRequest, _ name: String, example: String) throws -> String {
        guard let value = request.parameter(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WebError(status: 400, exitCode: 64, message: "the parameter '\(name)' is missing, e.g. \(example)")
        }
        return value
    }

    /// The schemes a `scheme` parameter names (all when absent), or a 400.
    func schemes(_ request: WebRequest) throws -> Set<Scheme>? {
        guard let text = request.parameter("scheme"), !text.isEmpty else { return nil }
        guard let set = Scheme.set(userText: text) else {
            throw WebError(
                status: 400, exitCode: 64,
                message: "scheme takes delegated, work, personal or application, not '\(text)'")
        }
        return set
    }
}
