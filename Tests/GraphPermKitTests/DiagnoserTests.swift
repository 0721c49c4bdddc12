import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// Realistic 401/403 situations (from Microsoft's troubleshooting articles and common reports) → verdict and first
/// cause.
struct DiagnoserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let url: String
        let claims: String
        let status: Int?
        let body: String?
        let verdict: Diagnosis.Verdict
        let firstCause: Cause.Code?
        var testDescription: String { name }

        init(_ name: String, _ method: String, _ url: String, _ claims: String, status: Int? = nil, body: String? = nil,
             _ verdict: Diagnosis.Verdict, _ firstCause: Cause.Code?) {
            self.name = name; self.method = method; self.url = url; self.claims = claims
            self.status = status; self.body = body; self.verdict = verdict; self.firstCause = firstCause
        }
    }

    static let graph = #""aud": "https://graph.microsoft.com", "exp": 1800000000, "nbf": 1700000000"#
    static let reader = "5d6b6bb7-de71-4623-b4af-96380a352509"
    static let admin = "62e90394-69f5-4237-9190-012177145e10"
    static let userAdmin = "fe930be7-5e62-47db-91af-98c3a49a38b1"
    static func user(_ scp: String, _ extra: String = "") -> String {
        #"{\#(graph), "idtyp": "user", "scp": "\#(scp)"\#(extra)}"#
    }
    static func app(_ roles: String, _ extra: String = "") -> String {
        #"{\#(graph), "idtyp": "app", "roles": [\#(roles)]\#(extra)}"#
    }

    static let cases: [Case] = [
        Case("delegated token with the least permission", "GET", "https://graph.microsoft.com/v1.0/me/messages",
             user("Mail.Read"), .allowed, nil),
        Case("delegated token without a mail permission", "GET", "/me/messages", user("User.Read"), status: 403,
             .denied, .missingScope),
        Case("app token with Mail.Read reads a mailbox", "GET", "/users/adele@contoso.com/messages",
             app(#""Mail.Read""#), .allowed, nil),
        Case("app token with the wrong role", "GET", "/users/u1/messages", app(#""User.Read.All""#), status: 403,
             .denied, .missingAppRole),
        Case("app token calls /me", "GET", "/me", app(#""User.Read.All""#), status: 400, .denied, .wrongTokenType),
        Case("security reader reads alerts", "GET", "/v1.0/security/alerts",
             user("SecurityEvents.Read.All", #", "wids": ["\#(reader)"]"#), .allowed, nil),
        Case("implicit flow token without wids", "GET", "/security/alerts", user("SecurityEvents.Read.All"),
             status: 403, .denied, .implicitFlowNoWids),
        Case("user without a security role", "GET", "/security/alerts",
             user("SecurityEvents.Read.All", #", "wids": ["\#(userAdmin)"]"#), status: 403, .denied, .missingAdminRole),
        Case("security call without the permission", "GET", "/security/alerts",
             user("User.Read", #", "wids": ["\#(reader)"]"#), status: 403, .denied, .missingScope),
        Case("app token reads alerts without a role", "GET", "/security/alerts", app(#""SecurityEvents.Read.All""#),
             .allowed, nil),
        Case("app token updates an alert with a read permission", "PATCH", "/security/alerts/a1",
             app(#""SecurityEvents.Read.All""#), status: 403, .denied, .missingAppRole),
        Case("global administrator updates an alert", "PATCH", "/security/alerts/a1",
             user("SecurityEvents.ReadWrite.All", #", "wids": ["\#(admin)"]"#), .allowed, nil),
        Case("expired token", "GET", "/me/messages",
             #"{"aud": "https://graph.microsoft.com", "exp": 1600000000, "scp": "Mail.Read"}"#, status: 401, .denied,
             .expiredOrInvalidToken),
        Case("token not yet valid", "GET", "/me/messages",
             #"{"aud": "https://graph.microsoft.com", "exp": 1900000000, "nbf": 1890000000, "scp": "Mail.Read"}"#,
             status: 401, .denied, .expiredOrInvalidToken),
        Case("token for Azure AD Graph", "GET", "/me/messages",
             #"{"aud": "https://graph.windows.net", "exp": 1800000000, "scp": "Mail.Read"}"#, status: 401, .denied,
             .wrongAudience),
        Case("token for SharePoint", "GET", "/me/messages",
             #"{"aud": "00000003-0000-0ff1-ce00-000000000000", "exp": 1800000000, "scp": "Mail.Read"}"#, status: 401,
             .denied, .wrongAudience),
        Case("token for a custom API", "GET", "/me/messages",
             #"{"aud": "api://contoso-api", "exp": 1800000000, "scp": "access_as_user"}"#, status: 401, .denied,
             .wrongAudience),
        Case("v2 token with the Graph app ID as audience", "GET", "/me/messages",
             #"{"aud": "00000003-0000-0000-c000-000000000000", "exp": 1800000000, "scp": "Mail.Read"}"#, .allowed, nil),
        Case("personal account on a work-only API", "GET", "/chats/c1/messages",
             user("Chat.Read", #", "tid": "9188040d-6c67-4c5b-b112-36a304b66dad""#), status: 401, .denied,
             .personalAccountUnsupported),
        Case("personal account on OneDrive", "GET", "/me/drive/root/children", user("Files.Read", #", "acct": "1""#),
             .allowed, nil),
        Case("application permission in a delegated token", "GET", "/users/u1/messages",
             user("User.Read", #", "roles": ["Mail.Read"]"#), status: 403, .denied, .wrongTokenType),
        Case("daemon resets a password", "POST", "/users/u1/authentication/methods/m1/resetPassword",
             app(#""UserAuthenticationMethod.ReadWrite.All""#), status: 403, .denied, .wrongTokenType),
        Case("conditional access claims challenge", "GET", "/me/messages", user("Mail.Read"), status: 403,
             body: #"{"error": {"code": "InvalidAuthenticationToken", "message": "Continuous access evaluation "#
                 + #"resulted in challenge with result: InteractionRequired and code: insufficient_claims"}}"#,
             .denied, .conditionalAccess),
        Case("conditional access with insufficient_claims only", "GET", "/me/messages", user("Mail.Read"), status: 403,
             body: #"{"error": "insufficient_claims", "error_description": "claims challenge"}"#, .denied,
             .conditionalAccess),
        Case("EWS application access policy", "GET", "/users/u1/messages", app(#""Mail.Read""#), status: 403,
             body: #"{"error": {"code": "ErrorAccessDenied", "message": "Access to OData is disabled."}}"#, .denied,
             .ewsAccessPolicy),
        Case("Graph reports an invalid audience", "GET", "/me/messages", user("Mail.Read"), status: 401,
             body: #"{"error": {"code": "InvalidAuthenticationToken", "message": "Access token validation failure. "#
                 + #"Invalid audience."}}"#,
             .denied, .wrongAudience),
        Case("Graph reports an invalid token", "GET", "/me/messages", user("Mail.Read"), status: 401,
             body: #"{"error": {"code": "InvalidAuthenticationToken", "message": "CompactToken parsing failed with "#
                 + #"error code: 80049217"}}"#,
             .denied, .expiredOrInvalidToken),
        Case("user lacks the directory role to change another user", "PATCH", "/users/u1",
             user("User.EnableDisableAccount.All User.Read.All"), status: 403,
             body: #"{"error": {"code": "Authorization_RequestDenied", "message": "Insufficient privileges to "#
                 + #"complete the operation."}}"#,
             .unknown, .missingAdminRole),
        Case("403 with a sufficient token", "GET", "/users/u1/messages", user("Mail.Read"), status: 403, .unknown,
             .licenseOrUserPrivilege),
        Case("consent not granted", "GET", "/me/messages", user("Mail.Read"), status: 403,
             body: #"{"error": "invalid_grant", "error_description": "AADSTS65001: The user or administrator has not "#
                 + #"consented to use the application"}"#,
             .unknown, .consentNotGranted),
        Case("AlsoRequires partner missing", "PATCH", "/users/u1", user("User.EnableDisableAccount.All"), status: 403,
             .denied, .missingScope),
        Case("AlsoRequires partner present", "PATCH", "/users/u1", user("User.EnableDisableAccount.All User.Read.All"),
             .allowed, nil),
        Case("unknown API", "GET", "/me/nonexistent/thing", user("Mail.Read"), status: 404, .unknown, .other),
        Case("token without scp or roles", "GET", "/me/messages",
             #"{"aud": "https://graph.microsoft.com", "exp": 1800000000}"#, status: 403, .denied,
             .expiredOrInvalidToken),
        Case("v1 app token without idtyp", "GET", "/users/u1/messages",
             #"{"aud": "https://graph.microsoft.com", "exp": 1800000000, "roles": ["Mail.ReadWrite"]}"#, .allowed, nil),
        Case("undocumented method", "DELETE", "/me", user("User.Read"), status: 405, .unknown, .other),
    ]

    static let kb: KnowledgeBase = {
        let path = NSTemporaryDirectory() + "graphperm-diagnose-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        let facts = try! KnowledgeLoader.gather(paths: [TemporaryFolder.fixture("diagnose-permissions.json")],
                                                dataDirectory: Resources.dataDirectory)
        try! KnowledgeBaseWriter.write(facts, to: path)
        return try! KnowledgeBase.open(path: path)
    }()

    @Test(arguments: cases)
    func diagnosesTheSituation(_ situation: Case) throws {
        let payload = try JSONParser.parse(Array(situation.claims.utf8))
        guard case .object(let object) = payload else { Issue.record("claims are not an object"); return }
        let diagnosis = try Diagnoser(kb: Self.kb).diagnose(method: situation.method, url: situation.url,
                                                            claims: TokenClaims(payload: object),
                                                            at: Date(timeIntervalSince1970: 1_795_000_000),
                                                            status: situation.status,
                                                            errorBody: situation.body.map(ErrorBody.init(text:)))
        #expect(diagnosis.verdict == situation.verdict, "\(diagnosis.causes.map(\.code.rawValue))")
        #expect(diagnosis.causes.first?.code == situation.firstCause, "\(diagnosis.causes.map(\.message))")
    }

    @Test func theJSONHasTheDocumentedShape() throws {
        let token = Self.user("SecurityEvents.Read.All", #", "wids": ["\#(Self.userAdmin)"]"#)
        guard case .object(let claims) = try JSONParser.parse(Array(token.utf8)) else { return }
        let diagnosis = try Diagnoser(kb: Self.kb).diagnose(method: "GET", url: "/security/alerts",
                                                            claims: TokenClaims(payload: claims),
                                                            at: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(diagnosis.json.hasPrefix(
            #"{"request":{"method":"GET","url":"/security/alerts"},"template":"/security/alerts","#
                + #""token":{"kind":"delegated","audience":"https://graph.microsoft.com","#
                + #""expires":"2027-01-15T08:00:00Z","permissions":["SecurityEvents.Read.All"],"#
                + #""roles":["User Administrator"]},"verdict":"denied","causes":[{"code":"missing_admin_role","#))
    }
}
