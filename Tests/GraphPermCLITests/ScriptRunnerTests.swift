import Testing
import GraphPermKit
@testable import GraphPermCLI

/// Scripts of the query language run against the embedded knowledge base (the Security API table and admin roles):
/// outputs, and errors with their exit status.
@Suite struct ScriptRunnerTests {
    static let kb = try? KnowledgeBase.embedded()

    static func outcomes(_ script: String, format: OutputFormat = .json, echoesSource: Bool = true) throws
        -> [String]
    {
        let kb = try #require(Self.kb)
        return ScriptRunner(kb: kb, format: format, echoesSource: echoesSource).run(script: script).map {
            switch $0 {
            case .output(let text): "output: " + text
            case .failure(let message, let status): "exit \(status): " + message
            }
        }
    }

    @Test func eachStatementGivesItsOutputInOrder() throws {
        let outcomes = try Self.outcomes("least GET /security/alerts for application; show 'Security Reader'")
        #expect(outcomes.count == 2)
        // Microsoft's Security API documentation: listing alerts needs SecurityEvents.Read.All.
        #expect(outcomes[0].hasPrefix(#"output: {"request":{"method":"GET","url":"/security/alerts"}"#))
        #expect(outcomes[0].contains(#""least":["SecurityEvents.Read.All"]"#))
        #expect(outcomes[1] == #"output: {"role":"Security Reader","roleTemplateId":"#
            + #""5d6b6bb7-de71-4623-b4af-96380a352509"}"# + "\n")
    }

    @Test func aSyntaxErrorStopsTheScriptWithUsageStatus() throws {
        let outcomes = try Self.outcomes("roles\nleast GTE /me")
        #expect(outcomes.count == 1)
        #expect(outcomes[0].hasPrefix("exit 64: 2:7: expected an HTTP method"))
        #expect(outcomes[0].contains("least GTE /me"))
    }

    @Test func aFileThatMayNotBeAScriptIsNotQuoted() throws {
        let outcomes = try Self.outcomes("eyJhbGciOiJIUzI1NiJ9 secret", echoesSource: false)
        #expect(outcomes.count == 1 && outcomes[0].hasPrefix("exit 64: 1:1: "))
        #expect(!outcomes[0].contains("eyJhbGci") && !outcomes[0].contains("secret"))
    }

    @Test func lookupsThatFindNothingExitOne() throws {
        let outcomes = try Self.outcomes("least GET alertz; paths of 'Security Reader'; paths of Nope.Read")
        #expect(outcomes[0].hasPrefix("exit 1: no entity or path named alertz; did you mean: alerts"))
        #expect(outcomes[1] == "exit 1: no entity or path named Security Reader (an admin role, not a permission)")
        #expect(outcomes[2].hasPrefix("exit 1: no entity or path named Nope.Read"))
    }
}
