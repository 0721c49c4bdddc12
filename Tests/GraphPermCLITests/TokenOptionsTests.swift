import ArgumentParser
import Foundation
import Testing
@testable import GraphPermCLI

/// Where a token comes from: one source only, the warning for a token typed on the command line, claims files.
struct TokenOptionsTests {
    @Test func eachSourceIsReadAlone() throws {
        #expect(try TokenOptions.parse(["--token-file", "token.txt"]).tokenFile == "token.txt")
        #expect(try TokenOptions.parse(["--claims", "claims.json"]).claims == "claims.json")
        #expect(try TokenOptions.parse(["--token", "eyJ.x.y"]).token == "eyJ.x.y")
        let none = try TokenOptions.parse([])
        #expect(none.token == nil && none.tokenFile == nil && none.claims == nil)
    }

    @Test(arguments: [["--token", "a.b.c", "--token-file", "t.txt"], ["--token-file", "t.txt", "--claims", "c.json"],
                      ["--token", "a.b.c", "--claims", "c.json"]])
    func twoSourcesAreRefused(arguments: [String]) {
        do {
            _ = try TokenOptions.parse(arguments)
            Issue.record("\(arguments) was accepted")
        } catch {
            #expect(TokenOptions.exitCode(for: error).rawValue == 64)
            #expect(TokenOptions.message(for: error)
                == "give the token one way only: --token, --token-file or --claims (or pipe it on stdin)")
        }
    }

    @Test func theCommandLineWarningSaysWhyAndWhatToDo() {
        let warning = TokenOptions.commandLineWarning
        #expect(warning.hasPrefix("warning: a token given on the command line is visible to other users in `ps`"))
        #expect(warning.contains("shell history") && warning.hasSuffix("--token-file FILE or on stdin instead"))
        #expect(!warning.contains("\n"))
    }

    @Test func aClaimsFileIsReadAsThePayload() throws {
        let path = NSTemporaryDirectory() + "graphperm-claims-\(UUID().uuidString).json"
        try #"{"scp": "Mail.Read User.Read", "aud": "https://graph.microsoft.com"}"#.write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let jwt = try TokenOptions.parse(["--claims", path]).readJWT()
        #expect(jwt.payload.members.map(\.key) == ["scp", "aud"])
    }

    @Test func aClaimsFileThatIsNotAnObjectIsRefusedNamingIt() throws {
        let path = NSTemporaryDirectory() + "graphperm-claims-\(UUID().uuidString).json"
        try "[1, 2]".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TokenOptions.parse(["--claims", path]).readJWT()
            Issue.record("an array was read as claims")
        } catch {
            #expect(TokenOptions.message(for: error) == "\(path): expected a JSON object of claims")
            #expect(TokenOptions.exitCode(for: error).rawValue == 64)
        }
    }
}
