import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct LeastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "least",
        _superCommandName: "graphperm",
        abstract: "The least-privileged permission for a call, per permission type.",
        discussion: """
            TARGET is a URL as you would call it (https://graph.microsoft.com/v1.0/..., /beta/..., a path with or \
            without leading slash, a path copied from the docs with {id} placeholders) or an entity name (alerts, \
            users). The first least permission is the one Microsoft's documentation shows; others equally least \
            follow it.
            With --batch, lines `METHOD URL` or JSON Lines {"method": ..., "url": ...} are read from stdin and one \
            JSON result is written per line, in order; a bad line gives {"request": ..., "error": "..."} and the \
            batch goes on. Blank lines are skipped.
            Examples:
              graphperm least GET /security/alerts
              graphperm least GET 'https://graph.microsoft.com/v1.0/me/messages?$top=5'
              graphperm least PATCH alerts --scheme application
              printf 'GET /me/messages\\nDELETE /users/{id}\\n' | graphperm least --batch
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "HTTP method: GET, POST, PUT, PATCH or DELETE.", completion: .httpMethods)
    var method: String?

    @Argument(help: "A URL, a path, or an entity name.")
    var target: String?

    @Option(
        name: .long,
        help:
            """
            Only these permission types: delegated, work (delegated-work), personal (delegated-personal) or application.
            """,
        completion: .schemes)
    var scheme: String?

    @Flag(name: .long, help: "Read requests from stdin, one per line; write JSON Lines.")
    var batch = false

    func validate() throws {
        if let scheme, Scheme.set(userText: scheme) == nil {
            throw ValidationError("--scheme takes delegated, work, personal or application, not '\(scheme)'")
        }
        if batch, method != nil {
            throw ValidationError("--batch reads requests from stdin: give no METHOD or TARGET with it")
        }
        if batch { try common.requireFormat(in: [.json], for: "least --batch writes JSON Lines") }
        if !batch, method == nil || target == nil {
            throw ValidationError(
                "give a method and a URL or entity, e.g. `graphperm least GET /me/messages`, or use --batch")
        }
    }

    func run() throws {
        let kb = try common.openKnowledgeBase()
        let only = scheme.flatMap(Scheme.set(userText:))
        if batch {
            try BatchLookup.run(kb, schemes: only)
            return
        }
        let answer = try kb.least(method: method!, target: target!, schemes: only)
        if let template = answer.template {
            Console.note("\(answer.method) \(answer.template == target ? template : "\(target!) → \(template)")")
        }
        for note in answer.notes { Console.note(note) }
        Console.output(try common.render(answer))
    }
}
