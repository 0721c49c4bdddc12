import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        _superCommandName: "graphperm",
        abstract: "Explain why a Microsoft Graph call got 401 or 403, from the token and the request.",
        discussion: """
            Reads the access token (--token, --token-file, stdin) or its claims (--claims), decodes it without \
            verifying the signature, and never writes it anywhere. Checks the audience, expiry, token type, the \
            permissions in scp or roles against what the call needs, the Security API's admin roles in wids, and what \
            the error response says.
            The verdict is allowed, denied or unknown; causes are listed most likely first with the fix first. Exit 0 \
            for allowed, 1 otherwise.
            Examples:
              graphperm diagnose GET /v1.0/security/alerts --token-file token.txt
              graphperm diagnose PATCH /users/{id} --claims claims.json --status 403
              graphperm diagnose GET /me --token-file token.txt --error-body error.json
              pbpaste | graphperm diagnose GET /me/messages --at 2026-11-23T12:00:00Z
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var tokenSource: TokenOptions

    @Argument(help: "HTTP method.", completion: .httpMethods)
    var method: String

    @Argument(help: "The URL that was called.")
    var url: String

    @Option(name: .long, help: "The HTTP status the call returned.")
    var status: Int?

    @Option(name: .long, help: "The JSON error response: a file, or '-' for stdin.")
    var errorBody: String?

    @Option(name: .long, help: "Judge expiry at this time (ISO 8601, e.g. 2026-11-23T12:00:00Z) instead of now.")
    var at: String?

    @Flag(
        name: .long,
        help: "The claims are only what you know (from a report): a claim they lack is unknown, not absent.")
    var partialClaims = false

    func validate() throws {
        try common.requireFormat(in: [.table, .json], for: "graphperm diagnose prints a text explanation or JSON")
        if let at, Date(iso8601: at) == nil {
            throw ValidationError("--at takes an ISO 8601 time such as 2026-11-23T12:00:00Z, not '\(at)'")
        }
        if errorBody == "-", tokenSource.token == nil, tokenSource.tokenFile == nil, tokenSource.claims == nil {
            throw ValidationError(
                "stdin cannot carry both the token and the error body: give the token with --token or --token-file")
        }
    }

    func run() throws {
        let jwt = try tokenSource.readJWT(usesStdinElsewhere: errorBody == "-")
        let body = try errorBody.map { ErrorBody(text: String(decoding: try Console.readInput($0), as: UTF8.self)) }
        let kb = try common.openKnowledgeBase()
        let now = at.flatMap { Date(iso8601: $0) } ?? Date()
        let claims = TokenClaims(payload: jwt.payload, isPartial: partialClaims)
        let diagnosis = try Diagnoser(kb: kb).diagnose(
            method: method, url: url, claims: claims, at: now, status: status, errorBody: body)
        Console.note("the token's signature is not verified; the token is not stored or printed")
        Console.output(try common.render(diagnosis))
        if diagnosis.verdict != .allowed { throw ExitCode(1) }
    }
}
