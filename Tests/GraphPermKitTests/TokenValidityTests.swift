import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// A token's numbers are hostile: times out of range, infinite or NaN never crash `diagnose` or `claims`.
struct TokenValidityTests {
    static let hostileTimes: [JSONValue] = [
        .number(1e300), .number(-1e300), .number(9e18), .number(-9e18), .number(9.3e18), .number(1.8e308),
        .string("1e400"), .string("-1e400"), .string("nan"), .string("inf"), .string("-inf"), .string("9e18"),
        .string(String(repeating: "9", count: 10_000)), .number(253_402_300_800),
    ]

    static func claims(_ key: String, _ value: JSONValue) -> JWT {
        JWT(header: JSONObject([]), payload: JSONObject([
            ("aud", .string("https://graph.microsoft.com")), ("scp", .string("User.Read")), (key, value),
        ]))
    }

    /// Each used to stop the process (SIGILL: Int(Double) out of range) in the diagnosis or the claims report.
    @Test(arguments: ["exp", "nbf", "iat"]) func hostileTimesAreReportedNotTrapped(_ key: String) throws {
        let kb = QueryFixture.knowledgeBase
        for value in Self.hostileTimes {
            let jwt = Self.claims(key, value)
            let claims = TokenClaims(payload: jwt.payload)
            #expect(claims.unreadableTimes == [key], "\(value)")
            for now in [
                Date(), Date(timeIntervalSince1970: -62_135_596_800), Date(timeIntervalSince1970: 253_402_300_799),
            ] {
                let diagnosis = try Diagnoser(kb: kb).diagnose(method: "GET", url: "/me", claims: claims, at: now)
                #expect(diagnosis.verdict == .denied)
                #expect(diagnosis.causes.contains { $0.message == "the token's \(key) claim is not a time" })
                _ = (diagnosis.text, diagnosis.json)
            }
            let report = try kb.claimsReport(jwt)
            for format in OutputFormat.allCases { _ = report.render(format) }
        }
    }

    @Test func timesInRangeAreDates() throws {
        #expect(TokenTime.date(.number(1_700_000_000)) == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(TokenTime.date(.string("1700000000")) == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(TokenTime.date(.number(253_402_300_799)) != nil)
        #expect(TokenTime.date(.number(-62_135_596_800)) != nil)
        #expect(TokenTime.date(.bool(true)) == nil)
        let expired = TokenClaims(payload: Self.claims("exp", .number(-1e10)).payload)
        let causes = TokenValidity.causes(expired, at: Date())
        #expect(causes.map(\.evidence).contains { $0.hasPrefix("exp = -10000000000 is before") })
    }

    /// The same through the command: exit 1 (denied) with the cause, not 132.
    @Test func diagnoseAndClaimsExitNormallyOnHostileTimes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for payload in [
            #"{"aud":"https://graph.microsoft.com","scp":"User.Read","exp":-1e300}"#,
            #"{"aud":"x","nbf":"nan","iat":1e300}"#,
        ] {
            let encoded = Data(payload.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            let token = folder.file("token.txt", "eyJhbGciOiJub25lIn0.\(encoded).c2ln")
            let diagnose = try CommandRunner.run(["diagnose", "GET", "/me", "--token-file", token, "--format", "json"])
            #expect(diagnose.status == 1, "\(diagnose.stderr)")
            #expect(diagnose.stdout.contains("claim is not a time"))
            let claims = try CommandRunner.run(["claims", "--token-file", token, "--format", "table"])
            #expect(claims.status == 0, "\(claims.stderr)")
            #expect(claims.stdout.contains("not a time"))
        }
    }
}
