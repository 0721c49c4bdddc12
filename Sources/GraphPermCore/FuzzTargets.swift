import GraphPermPlatform
import GraphPermQuery
import GraphPermJSON

/// What the fuzzers (Fuzz/) and their regression tests feed arbitrary bytes to. None of these may crash.
package enum FuzzTargets {
    /// Parses a JSON document and reads it as the kind it looks like.
    package static func loadDocument(_ bytes: [UInt8]) {
        guard let value = try? JSONParser.parse(bytes) else { return }
        var facts = KnowledgeFacts()
        guard let (kind, reader) = try? DocumentKind.detect(JSONReader(value: value, file: "fuzz.json")) else { return }
        switch kind {
        case .permissionsDocument: try? PermissionsDocumentLoader.load(reader, into: &facts)
        case .servicePrincipal: try? ScopeListLoaders.loadServicePrincipal(reader, into: &facts)
        case .permissionDescriptions: try? ScopeListLoaders.loadDescriptions(reader, into: &facts)
        case .provisioningInfo: try? ScopeListLoaders.loadProvisioningInfo(reader, into: &facts)
        case .securityEntities, .adminRoles: break
        }
        for template in Set(facts.grants.map(\.template)) {
            _ = PathMatcher(templates: [(1, template)]).match(RequestPath(template))
        }
    }

    /// Parses statements; each one printed must parse back to the same tree, and must plan without crashing.
    package static func parseStatements(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), let statements = try? Parser.parseScript(text) else {
            return
        }
        for statement in statements {
            let printed = Printer.print(statement)
            guard let again = try? Parser.parse(printed), again == statement else {
                fatalError("printing then parsing changed the statement: \(printed)")
            }
            _ = try? Planner.plan(statement)
        }
    }

    /// Decodes a token and reads its claims, then does what `diagnose` and `claims` do with them that needs no
    /// knowledge base: the token's validity at several times, the diagnosis in text and JSON, the claims report in
    /// every format. Also matches the bytes as a request URL.
    package static func decodeToken(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let jwt = try? JWT.decode(text) { useClaims(jwt) }
        if case .object(let payload)? = try? JSONParser.parse(bytes) {
            useClaims(JWT(header: JSONObject([]), payload: payload))
        }
        _ = RequestPath(text).displayPath
    }

    private static func useClaims(_ jwt: JWT) {
        let claims = TokenClaims(payload: jwt.payload)
        _ = (claims.kind, claims.permissions, claims.isPersonalAccount)
        let times = [Date(), Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: TokenTime.range.upperBound),
                     Date(timeIntervalSince1970: TokenTime.range.lowerBound)]
        for now in times {
            let causes = TokenValidity.causes(claims, at: now)
            let diagnosis = Diagnosis(
                method: "GET", url: "/me", template: nil, claims: claims, roleNames: [], verdict: .unknown,
                                      causes: causes, limits: [])
            _ = (diagnosis.text, diagnosis.json)
        }
        let report = ClaimsReport(jwt: jwt, claims: claims, permissions: claims.permissions.map { ($0, nil) },
                                  roles: (claims.wids ?? []).map { ($0, nil) })
        for format in OutputFormat.allCases { _ = report.render(format) }
    }
}
