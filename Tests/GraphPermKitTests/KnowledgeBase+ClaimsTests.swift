import Testing
import GraphPermCore
import GraphPermJSON
import GraphPermKit

/// A token's permissions and role IDs resolved by the mini knowledge base.
@Suite struct KnowledgeBaseClaimsTests {
    static func jwt(_ payload: String) throws -> JWT {
        guard case .object(let object) = try JSONParser.parse(Array(payload.utf8)) else {
            throw LoadError.data(file: "token", place: "$", message: "expected an object")
        }
        return JWT(header: JSONObject([]), payload: object)
    }

    @Test func scopesGetTheirDisplayTextAndRoleIDsTheirNames() throws {
        let report = try MiniKnowledgeBase.shared.claimsReport(try Self.jwt(
            #"{"scp": "Mail.Read Nope.Read", "wids": ["62E90394-69F5-4237-9190-012177145E10", "x"]}"#))
        #expect(report.permissions.map(\.name) == ["Mail.Read", "Nope.Read"])
        // The admin display name of Mail.Read's delegated scheme; an unknown scope has none.
        #expect(report.permissions.map(\.displayName) == ["Read user mail", nil])
        #expect(report.roles.map(\.id) == ["62E90394-69F5-4237-9190-012177145E10", "x"])
        #expect(report.roles.map(\.name) == ["Global Administrator", nil])
    }

    @Test func appOnlyRolesAreReadInTheApplicationScheme() throws {
        let report = try MiniKnowledgeBase.shared.claimsReport(try Self.jwt(#"{"roles": ["Mail.Read"]}"#))
        #expect(report.claims.kind == .application)
        #expect(report.permissions.map(\.displayName) == ["Read mail in all mailboxes"])
        #expect(report.roles.isEmpty)
    }
}
