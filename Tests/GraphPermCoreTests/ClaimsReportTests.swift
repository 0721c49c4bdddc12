import Testing
import GraphPermJSON
import GraphPermCore

/// A token's claims explained: JSON with the claims echoed in order, a table with what each claim means.
@Suite struct ClaimsReportTests {
    static func object(_ text: String) -> JSONObject {
        guard case .object(let object)? = try? JSONParser.parse(Array(text.utf8)) else { return JSONObject([]) }
        return object
    }

    static func report(_ payload: String, permissions: [(name: String, displayName: String?)] = [],
                       roles: [(id: String, name: String?)] = []) -> ClaimsReport {
        let jwt = JWT(header: object(#"{"alg":"RS256","typ":"JWT"}"#), payload: object(payload))
        return ClaimsReport(jwt: jwt, claims: TokenClaims(payload: jwt.payload), permissions: permissions,
                            roles: roles)
    }

    static let delegated = #"{"aud":"https://graph.microsoft.com","exp":1700000000,"nbf":1e300,"#
        + #""tid":"9188040d-6c67-4c5b-b112-36a304b66dad","scp":"Mail.Read Nope.Read","#
        + #""wids":["62e90394-69f5-4237-9190-012177145e10","x"],"n":1.5}"#

    @Test func jsonEchoesHeaderAndClaimsAndNamesWhatTheyGrant() {
        let report = Self.report(Self.delegated, permissions: [("Mail.Read", "Read user mail"), ("Nope.Read", nil)],
                                 roles: [("62e90394-69f5-4237-9190-012177145e10", "Global Administrator"), ("x", nil)])
        #expect(report.json == #"{"signature":"not verified","kind":"delegated","header":{"alg":"RS256","typ":"JWT"},"#
            + #""claims":{"aud":"https://graph.microsoft.com","exp":1700000000,"nbf":1e+300,"#
            + #""tid":"9188040d-6c67-4c5b-b112-36a304b66dad","scp":"Mail.Read Nope.Read","#
            + #""wids":["62e90394-69f5-4237-9190-012177145e10","x"],"n":1.5},"#
            + #""permissions":[{"name":"Mail.Read","displayName":"Read user mail"},"#
            + #"{"name":"Nope.Read","displayName":null}],"#
            + #""adminRoles":[{"id":"62e90394-69f5-4237-9190-012177145e10","role":"Global Administrator"},"#
            + #"{"id":"x","role":null}]}"#)
    }

    @Test func theTableSaysWhatEachClaimMeans() throws {
        let report = Self.report(Self.delegated, permissions: [("Nope.Read", nil)], roles: [("x", nil)])
        let table = try #require(report.tableForm)
        #expect(table.columns == ["claim", "value", "meaning"])
        #expect(table.rows == [
            ["kind", "delegated", "a signed-in user (scp)"],
            ["aud", "https://graph.microsoft.com", "Microsoft Graph"],
            ["exp", "1700000000", "expires 2023-11-14T22:13:20Z"],
            ["nbf", "1e+300", "not a time (out of range, infinite or not a number)"],
            ["tid", "9188040d-6c67-4c5b-b112-36a304b66dad", "personal Microsoft accounts tenant"],
            ["scp", "Mail.Read Nope.Read", "delegated permissions"],
            ["wids", #"["62e90394-69f5-4237-9190-012177145e10","x"]"#, "directory role template IDs"],
            ["n", "1.5", ""],
            ["scp", "Nope.Read", "(unknown permission)"],
            ["wids", "x", "(a role the Security API does not use)"],
        ])
    }

    @Test func anAppOnlyTokenForAnotherAudience() throws {
        let report = Self.report(#"{"aud":"https://management.azure.com","roles":["A.Read"],"tid":"t"}"#,
                                 permissions: [("A.Read", "Read A")])
        let rows = try #require(report.tableForm).rows
        #expect(rows[0] == ["kind", "application", "app-only (roles)"])
        #expect(rows[1] == ["aud", "https://management.azure.com", "Azure Resource Manager"])
        #expect(rows[2] == ["roles", #"["A.Read"]"#, "application permissions (or app roles)"])
        #expect(rows[3] == ["tid", "t", "tenant"])
        #expect(rows[4] == ["roles", "A.Read", "Read A"])
    }

    @Test(arguments: [
        (JSONValue.number(3), "3"), (.number(-2.5), "-2.5"), (.number(1e20), "1e+20"),
        (.number(999_999_999_999_999), "999999999999999"), (.bool(false), "false"),
        (.null, "null"), (.string("a\"b"), #""a\"b""#), (.array([.number(1), .string("x")]), #"[1,"x"]"#),
        (.object(JSONObject([("b", .null), ("a", .bool(true))])), #"{"b":null,"a":true}"#),
    ])
    func valuesRenderAsJSONText(value: JSONValue, text: String) {
        #expect(JSONValueText.render(value) == text)
    }
}
