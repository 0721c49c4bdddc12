import Testing
import GraphPermCore

/// Microsoft Graph's hosts, and what the hosts people confuse with it are.
@Suite struct GraphHostsTests {
    @Test(arguments: ["graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us",
                      "microsoftgraph.chinacloudapi.cn", "canary.graph.microsoft.com"])
    func graphHostsAreAccepted(host: String) {
        #expect(GraphHosts.refusal(host) == nil)
    }

    @Test(arguments: [
        ("graph.windows.net", "it is Azure AD Graph, retired"),
        ("management.azure.com", "it is Azure Resource Manager"),
        ("contoso.sharepoint.com", "it is SharePoint's own REST API"),
        ("outlook.office365.com", "it is Exchange Online"),
        ("myapp-contoso.msappproxy.net", "it is an app your tenant publishes through Application Proxy"),
        ("login.microsoftonline.com", "it is the Microsoft identity platform"),
    ])
    func confusedHostsAreNamed(host: String, hintStart: String) {
        #expect(GraphHosts.refusal(host)?.hasPrefix(hintStart) == true)
    }

    @Test func otherHostsAreRefusedWithoutAHint() {
        #expect(GraphHosts.refusal("example.com") == "")
        // A suffix counts only after a dot.
        #expect(GraphHosts.refusal("notsharepoint.com") == "")
        #expect(GraphHosts.refusal("GRAPH.MICROSOFT.COM") == "")
    }
}
