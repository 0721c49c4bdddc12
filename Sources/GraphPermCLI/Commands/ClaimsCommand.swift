import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        _superCommandName: "graphperm",
        abstract: "Decode an access token: its claims, with scp/roles resolved to permissions and wids to admin roles.",
        discussion: """
            The signature is not verified, and the token is never printed or stored: only its claims are shown.
            A token given on the command line (as TOKEN or --token) is visible to other users in `ps` and stays in \
            your shell history: give it in a file or on stdin.
            Examples:
              graphperm claims --token-file token.txt --format json
              pbpaste | graphperm claims
            """
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var tokenSource: TokenOptions

    @Argument(
        help: "The access token (better: --token-file FILE or stdin; an argument shows in `ps` and shell history).")
    var tokenArgument: String?

    func run() throws {
        var source = tokenSource
        if let tokenArgument { source.token = tokenArgument }
        let jwt = try source.readJWT()
        let kb = try common.openKnowledgeBase()
        Console.note("the signature is not verified")
        Console.output(try common.render(try kb.claimsReport(jwt)))
    }
}
