import Testing

@testable import GraphPermJSON
@testable import GraphPermCore

struct ODataSegmentTests {
    private func readings(_ url: String, _ method: String = "GET") -> [String] {
        ODataSegment.readings(of: RequestPath(url), method: method).map(\.request.displayPath)
    }

    @Test func reservedSegmentsAreNeverKeys() {
        for segment in [
            "$count", "$ref", "$value", "microsoft.graph.user", "delta()", "getpstncalls(fromdatetime=1,todatetime=2)",
        ] {
            #expect(ODataSegment.isReserved(segment), "\(segment)")
        }
        for segment in ["adele@contoso.com", "aamkagi2=", "contoso.sharepoint.com,1,2", "01bye5rz6qn3", "{}"] {
            #expect(!ODataSegment.isReserved(segment), "\(segment)")
        }
    }

    @Test func odataSegmentsHaveTheReadingsGraphGivesThem() {
        #expect(readings("/me/messages/$count") == ["/me/messages"])
        #expect(readings("/groups/g/members/$ref", "POST") == ["/groups/g/members"])
        #expect(readings("/me/photo/$value") == ["/me/photo"])
        #expect(
            readings("/directoryObjects/microsoft.graph.getByIds", "POST") == [
                "/directoryobjects/getbyids", "/directoryobjects",
            ])
        #expect(
            readings("/communications/callRecords/getPstnCalls(fromDateTime=a,toDateTime=b)")
                == ["/communications/callrecords/getpstncalls"])
        #expect(readings("/myorganization/applications/a") == ["/applications/a"])
        #expect(readings("/contoso.onmicrosoft.com/users") == ["/users"])
        #expect(readings("/me/messages").isEmpty)
    }

    @Test func aQualifiedFunctionKeepsItsArguments() {
        #expect(ODataSegment.qualifiedName("microsoft.graph.delta()") == "delta()")
        #expect(ODataSegment.qualifiedName("microsoft.graph.windowsupdates.azureaddevice") == "azureaddevice")
        #expect(ODataSegment.qualifiedName("default.findbykbnumber(kbnumber=1)") == "findbykbnumber(kbnumber=1)")
        #expect(ODataSegment.qualifiedName("messages") == nil)
    }

    @Test func hostsAreReadFromURLsAndLeadingHostNames() {
        #expect(RequestPath("https://graph.microsoft.com/v1.0/me").host == "graph.microsoft.com")
        #expect(RequestPath("graph.microsoft.com/beta/me").host == "graph.microsoft.com")
        #expect(RequestPath("graph.microsoft.com/beta/me").normalized == ["me"])
        #expect(RequestPath("HTTPS://Graph.Windows.Net:443/x/users").host == "graph.windows.net")
        #expect(RequestPath("/users/adele@contoso.com/messages").host == nil)
        #expect(RequestPath("contoso.onmicrosoft.com/users").host == nil)
        #expect(GraphHosts.refusal("graph.microsoft.us") == nil)
        #expect(GraphHosts.refusal("graph.windows.net")?.contains("Azure AD Graph") == true)
        #expect(GraphHosts.refusal("contoso.sharepoint.com")?.contains("SharePoint") == true)
        #expect(GraphHosts.refusal("example.org") == "")
    }

    @Test func typosAreSuggestedOnlyForPathsOfTheSameShape() {
        let index = TypoIndex(keys: [
            ("/me/messages", ["me", "messages"]), ("/me/events", ["me", "events"]),
            ("/users/{id}/messages", ["users", "{}", "messages"]),
        ])
        #expect(TypoIndex.nearest(["me", "mesages"], in: index, limit: 3) == ["/me/messages"])
        #expect(TypoIndex.nearest(["users", "abc", "mesages"], in: index, limit: 3) == ["/users/{id}/messages"])
        #expect(TypoIndex.nearest(["subscriptions"], in: index, limit: 3).isEmpty)
        #expect(TypoIndex.nearest(["me", "calendar"], in: index, limit: 3).isEmpty)
    }
}

extension ODataSegmentTests {
    @Test func drivesAreReadThroughTheirAliases() {
        #expect(
            ODataSegment.readings(of: RequestPath("/sites/s1/drives/d1/items/i1"), method: "GET").map(
                \.request.displayPath)
                == ["/drives/d1/items/i1"])
        #expect(
            ODataSegment.readings(of: RequestPath("/drive/root/children"), method: "GET").map(\.request.displayPath)
                == ["/me/drive/root/children"])
    }
}
