import Foundation

/// The Microsoft Graph hosts an access token may be sent to: the global service and the national clouds.
///
///     GraphHost(rawValue: "graph.microsoft.us")?.tenantURL.host  // "graph.microsoft.us"
///     GraphHost(rawValue: "graph.example.com")                   // nil
package enum GraphHost: String, CaseIterable, Sendable {
    case global = "graph.microsoft.com"
    case usGovernment = "graph.microsoft.us"
    case usGovernmentDoD = "dod-graph.microsoft.us"
    case china = "microsoftgraph.chinacloudapi.cn"

    /// The Microsoft Graph service principal of the signed-in tenant, with only the members a load reads.
    package var tenantURL: URL {
        URL(
            string: "https://\(rawValue)/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')"
                + "?$select=id,appId,displayName,appRoles,oauth2PermissionScopes")!
    }
}

/// Where a request carrying the access token may go: one scheme, host and port, nothing else.
///
///     let policy = TokenPolicy(graph: .global)
///     policy.allows(URL(string: "https://graph.microsoft.com/v1.0/me")!)        // true
///     policy.allows(URL(string: "http://graph.microsoft.com/v1.0/me")!)         // false: not HTTPS
///     policy.allows(URL(string: "https://graph.microsoft.com.evil.io/v1.0")!)   // false: another host
package struct TokenPolicy: Sendable, Equatable, CustomStringConvertible {
    package let scheme: String
    package let host: String
    package let port: Int

    /// HTTPS to a Microsoft Graph host on port 443: the only policy the command line uses.
    package init(graph: GraphHost) {
        scheme = "https"
        host = graph.rawValue
        port = 443
    }

    /// Plain HTTP to 127.0.0.1 on one port, for tests against a loopback server; nil for any other URL.
    /// The command line never makes this policy.
    package static func loopbackForTesting(_ url: URL) -> TokenPolicy? {
        guard url.scheme?.lowercased() == "http", url.host == "127.0.0.1", let port = url.port else { return nil }
        return TokenPolicy(scheme: "http", host: "127.0.0.1", port: port)
    }

    private init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Whether a request to `url` may carry the token: same scheme, host and port, and no user name or password.
    package func allows(_ url: URL) -> Bool {
        guard let urlScheme = url.scheme?.lowercased(), urlScheme == scheme else { return false }
        guard let urlHost = url.host?.lowercased(), urlHost == host else { return false }
        guard url.user == nil, url.password == nil else { return false }
        return (url.port ?? Self.defaultPort(urlScheme)) == port
    }

    package var description: String {
        port == Self.defaultPort(scheme) ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }

    private static func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }
}

/// Which redirects a download follows: none that changes the scheme; with the token, none that leaves its policy.
///
///     RedirectRule.check(from: URL(string: "https://a.example/x")!, to: URL(string: "http://a.example/x")!,
///                        token: nil)  // "a redirect to another scheme (http)"
package enum RedirectRule {
    /// Nil when the redirect may be followed, else why not.
    package static func check(from: URL, to: URL, token: TokenPolicy?) -> String? {
        guard let fromScheme = from.scheme?.lowercased(), let toScheme = to.scheme?.lowercased(),
            fromScheme == toScheme
        else { return "a redirect to another scheme (\(to.scheme ?? "none"))" }
        if let token, !token.allows(to) { return "a redirect away from \(token), where the access token may go" }
        return nil
    }
}
