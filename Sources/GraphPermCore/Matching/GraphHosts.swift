/// The hosts of Microsoft Graph, and what the hosts people confuse with it are.
///
///     GraphHosts.refusal("graph.microsoft.com")  // nil
///     GraphHosts.refusal("graph.windows.net")    // "it is Azure AD Graph, retired: …"
package enum GraphHosts {
    /// Microsoft Graph's global service and national clouds.
    package static let hosts: Set<String> = [
        "graph.microsoft.com", "canary.graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us",
        "microsoftgraph.chinacloudapi.cn", "graph.microsoft.de",
    ]

    /// nil for a Microsoft Graph host; otherwise why it is not one (a hint, possibly empty).
    package static func refusal(_ host: String) -> String? {
        if hosts.contains(host) { return nil }
        let hints: [(suffix: String, hint: String)] = [
            (
                "graph.windows.net",
                "it is Azure AD Graph, retired: its calls have Microsoft Graph equivalents "
                    + "(/users, /groups, /applications on graph.microsoft.com)"
            ),
            (
                "management.azure.com",
                "it is Azure Resource Manager, authorised by Azure RBAC roles, not Graph permissions"
            ),
            (
                "outlook.office.com",
                "it is the Outlook REST API, retired: use Microsoft Graph's /me/messages, /me/events …"
            ),
            ("outlook.office365.com", "it is Exchange Online (Outlook REST or EWS), with permissions of its own"),
            (
                "sharepoint.com",
                "it is SharePoint's own REST API, with permissions of its own; Microsoft Graph reaches "
                    + "sites through /sites/{id}"
            ),
            ("msappproxy.net", "it is an app your tenant publishes through Application Proxy, not Microsoft Graph"),
            ("login.microsoftonline.com", "it is the Microsoft identity platform, which issues tokens"),
            (
                "api.securitycenter.microsoft.com",
                "it is the Microsoft Defender for Endpoint API, with permissions of its own"
            ),
            ("api.security.microsoft.com", "it is the Microsoft Defender XDR API, with permissions of its own"),
        ]
        return hints.first { host == $0.suffix || host.hasSuffix("." + $0.suffix) }?.hint ?? ""
    }
}
