import Testing
@testable import GraphPermCLI

/// The REPL's history filter: one predicate, every way a token can sit in a line.
struct TokenShapeTests {
    static let jwt = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl"

    @Test(arguments: [
        jwt,
        "show eyJ \(jwt)",
        "show Mail.Read \(jwt)",
        "least GET /me?token=\(jwt)",
        "least GET /me?x=%65yJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9",
        "least GET /me?x=%2565yJ0eXAiOiJKV1QiLCJhbGci",
        "show %65%79%4A0eXAiOiJKV1Qi",
        "-- Authorization: Bearer abc.def",
        "show BEARER%20abcdef",
        "show eyJ",
        "show " + String(repeating: "aB3_", count: 25),
    ]) func linesWithATokenAreKeptOut(_ line: String) {
        #expect(TokenShape.appears(in: line))
        #expect(REPL.holdsToken(line))
    }

    @Test(arguments: [
        "show Mail.Read",
        "least GET /me/messages for delegated",
        "permissions where name like 'Security%' order by name",
        "paths of SecurityEvents.ReadWrite.All where method = PATCH",
        "least GET /users/{id}/mailFolders/{mailFolder-id}/messages/{message-id}/attachments",
        "show 5d6b6bb7-de71-4623-b4af-96380a352509",
        "least GET /me?x=%20%41",
    ]) func ordinaryStatementsAreKept(_ line: String) {
        #expect(!TokenShape.appears(in: line))
    }
}
