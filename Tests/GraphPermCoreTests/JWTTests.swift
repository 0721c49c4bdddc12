import Foundation
import Testing
@testable import GraphPermJSON
@testable import GraphPermCore

struct JWTTests {
    static func part(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test func decodesHeaderAndPayloadWithOrWithoutBearer() throws {
        let token = Self.part(#"{"alg":"RS256"}"#) + "."
            + Self.part(#"{"scp":"Mail.Read User.Read","aud":"https://graph.microsoft.com","#
                + #""wids":["62e90394-69f5-4237-9190-012177145e10"]}"#)
            + ".c2ln"
        let jwt = try JWT.decode("Bearer " + token)
        #expect(jwt.header["alg"] == .string("RS256"))
        let claims = TokenClaims(payload: jwt.payload)
        #expect(claims.kind == .delegated && claims.scopes == ["Mail.Read", "User.Read"]
            && claims.wids == ["62e90394-69f5-4237-9190-012177145e10"])
    }

    @Test(arguments: [
        ("", TokenError.empty),
        ("abc", .wrongSegmentCount(1)),
        ("a.b", .wrongSegmentCount(2)),
        ("a.b.c.d", .wrongSegmentCount(4)),
        ("a.b.c.d.e", .encrypted),
        ("e30.e$30.x", .badBase64(part: "payload", offset: 1)),
        ("e!30.e30.x", .badBase64(part: "header", offset: 1)),
        ("e30.bm90IGpzb24.x", .notJSON(part: "payload", detail: "expected a value, found 'n'")),
        ("e30.WzFd.x", .notAnObject(part: "payload")),
        ("e30.e30=x.y", .badBase64(part: "payload", offset: 4)),
    ])
    func malformedTokensGetPreciseErrors(token: String, expected: TokenError) {
        #expect(throws: expected) { try JWT.decode(token) }
    }

    @Test func hugeTokensAreRefusedWithoutCrashing() {
        let huge = String(repeating: "A", count: 1_000_000) + ".e30.x"
        #expect(throws: TokenError.tooLarge(bytes: 1_000_006)) { try JWT.decode(huge) }
        let deep = Self.part(String(repeating: "[", count: 10_000)) 
        #expect(throws: TokenError.self) { try JWT.decode("e30." + deep + ".x") }
    }

    @Test func errorsNeverQuoteTheToken() {
        let secret = "e30.eyJzZWNyZXQiOiJ0b3Atc2VjcmV0In0!.x"
        do {
            _ = try JWT.decode(secret)
            Issue.record("a token with '!' in its payload was decoded; expected an error")
        } catch {
            #expect(!error.description.contains("eyJzZWNyZXQi"))
        }
    }
}
