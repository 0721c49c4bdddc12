import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

/// Where the access token (or its decoded claims) comes from. The token is read, decoded and forgotten: it is
/// never written anywhere.
struct TokenOptions: ParsableArguments {
    @Option(name: .long, help: "The access token (a JWT; 'Bearer ' is accepted). Visible in `ps`: prefer --token-file.")
    var token: String?

    @Option(name: .long, help: "A file holding the access token ('-' for stdin).")
    var tokenFile: String?

    @Option(name: .long, help: "A JSON file of decoded claims instead of a token.")
    var claims: String?

    func validate() throws {
        if [token, tokenFile, claims].compactMap({ $0 }).count > 1 {
            throw ValidationError(
                "give the token one way only: --token, --token-file or --claims (or pipe it on stdin)")
        }
    }

    /// Printed on stderr when the token came as a command-line argument.
    static let commandLineWarning =
        """
        warning: a token given on the command line is visible to other users in `ps` and is kept in your shell \
        history; give it with --token-file FILE or on stdin instead
        """

    /// The decoded header and payload.
    func readJWT(usesStdinElsewhere: Bool = false) throws -> JWT {
        if let claims {
            let bytes = try Console.readInput(claims)
            do {
                guard case .object(let payload) = try JSONParser.parse(bytes) else {
                    throw ValidationError("\(claims): expected a JSON object of claims")
                }
                return JWT(header: JSONObject([]), payload: payload)
            } catch let error as JSONSyntaxError {
                Console.note("error: \(claims): \(error)")
                throw ExitCode(65)
            }
        }
        let text: String
        if let token {
            Console.note(Self.commandLineWarning)
            text = token
        } else if let tokenFile {
            text = String(decoding: try Console.readInput(tokenFile), as: UTF8.self)
        } else if !usesStdinElsewhere, isatty(STDIN_FILENO) == 0 {
            text = String(decoding: StandardStreams.readAll(STDIN_FILENO), as: UTF8.self)
        } else {
            throw ValidationError(
                "give the access token with --token, --token-file or on stdin, or its claims with --claims")
        }
        do {
            return try JWT.decode(text)
        } catch {
            Console.note(
                "error: the token cannot be read: \(error) (graphperm decodes tokens but does not verify signatures)")
            throw ExitCode(65)
        }
    }
}
