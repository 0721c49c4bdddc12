import Foundation
import Testing
import GraphPermJSON
import GraphPermCore

/// The claims of an access token that the diagnosis reads, each read without trusting its type.
@Suite struct TokenClaimsTests {
    static func claims(_ json: String, isPartial: Bool = false) throws -> TokenClaims {
        guard case .object(let payload) = try JSONParser.parse(Array(json.utf8)) else {
            throw LoadError.data(file: "test", place: "$", message: "expected an object")
        }
        return TokenClaims(payload: payload, isPartial: isPartial)
    }

    @Test func aDelegatedTokenCarriesItsScopes() throws {
        let claims = try Self.claims(#"""
            {"aud": "https://graph.microsoft.com", "scp": "Mail.Read  User.Read", "ver": "1.0", "tid": "t1",
             "idtyp": "user", "wids": ["62e90394-69f5-4237-9190-012177145e10"], "exp": 1700000000, "nbf": "1699990000"}
            """#)
        #expect(claims.kind == .delegated)
        #expect(claims.scopes == ["Mail.Read", "User.Read"])
        #expect(claims.permissions == ["Mail.Read", "User.Read"])
        #expect(claims.audiences == ["https://graph.microsoft.com"])
        #expect(claims.wids == ["62e90394-69f5-4237-9190-012177145e10"])
        #expect(claims.expires == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(claims.notBefore == Date(timeIntervalSince1970: 1_699_990_000))
        #expect(claims.unreadableTimes.isEmpty && claims.hasPermissionClaim)
        #expect(!claims.isPersonalAccount)
    }

    @Test func anAppOnlyTokenCarriesItsRoles() throws {
        let claims = try Self.claims(#"{"aud": ["a", "b"], "roles": ["Mail.Read", 7], "idtyp": "app"}"#)
        #expect(claims.kind == .application)
        #expect(claims.roles == ["Mail.Read"])
        #expect(claims.permissions == ["Mail.Read"])
        #expect(claims.audiences == ["a", "b"])
        #expect(claims.wids == nil)
    }

    @Test(arguments: [
        (#"{"scp": ""}"#, TokenClaims.Kind.delegated),
        (#"{"roles": ["A.Read"]}"#, .application),
        (#"{"roles": []}"#, .unknown),
        (#"{}"#, .unknown),
        (#"{"idtyp": "app", "scp": "Mail.Read"}"#, .application),
        (#"{"idtyp": "user", "roles": ["A.Read"]}"#, .delegated),
    ])
    func kindFollowsIdtypThenTheClaimsPresent(json: String, kind: TokenClaims.Kind) throws {
        #expect(try Self.claims(json).kind == kind)
    }

    @Test func personalAccountsByAcctOrTheConsumerTenant() throws {
        #expect(try Self.claims(#"{"acct": "1"}"#).isPersonalAccount)
        #expect(try Self.claims(#"{"tid": "9188040d-6c67-4c5b-b112-36a304b66dad"}"#).isPersonalAccount)
        #expect(try !Self.claims(#"{"acct": "0", "tid": "x"}"#).isPersonalAccount)
    }

    @Test func timesThatAreNotTimesAreReportedNotTrusted() throws {
        let claims = try Self.claims(#"{"exp": 1e300, "nbf": "soon", "iat": true}"#)
        #expect(claims.expires == nil && claims.notBefore == nil && claims.issuedAt == nil)
        #expect(claims.unreadableTimes == ["exp", "nbf", "iat"])
        #expect(!claims.hasPermissionClaim)
    }

    @Test(arguments: [
        (JSONValue.number(0), Date?.some(Date(timeIntervalSince1970: 0))),
        (.string("86400"), Date(timeIntervalSince1970: 86_400)),
        (.number(-62_135_596_801), nil),
        (.number(253_402_300_800), nil),
        (.string(String(repeating: "1", count: 41)), nil),
        (.string("nan"), nil),
        (.null, nil),
    ] as [(JSONValue, Date?)])
    func timesAreSecondsWithinTheYearsOneTo9999(value: JSONValue, expected: Date?) {
        #expect(TokenTime.date(value) == expected)
    }

    @Test(arguments: [
        ("https://graph.microsoft.com", true), ("HTTPS://GRAPH.MICROSOFT.COM/", true),
        ("00000003-0000-0000-c000-000000000000", true), ("https://graph.microsoft.us", true),
        ("https://graph.windows.net", false), ("api://x", false),
    ])
    func graphAudiencesInEveryCloud(audience: String, isGraph: Bool) {
        #expect(Audience.isGraph(audience) == isGraph)
    }

    @Test(arguments: [
        ("https://graph.windows.net/", "Azure AD Graph (retired)"),
        ("https://outlook.office365.com", "the Outlook / Exchange Online REST API"),
        ("https://contoso.sharepoint.com", "SharePoint Online / OneDrive"),
        ("https://management.azure.com", "Azure Resource Manager"),
        ("https://vault.azure.net", "Azure Key Vault"),
        ("api://my-api", "a custom API (an app registration's own audience)"),
        ("5D6B6BB7-DE71-4623-B4AF-96380A352509", "a custom API (an app registration's own audience)"),
        ("https://example.com", "another resource"),
    ])
    func otherAudiencesAreNamed(audience: String, name: String) {
        #expect(Audience.describe(audience) == name)
    }
}
