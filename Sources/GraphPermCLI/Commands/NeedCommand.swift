import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct NeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "need",
        _superCommandName: "graphperm",
        abstract:
            """
            The smallest least-privileged set of permissions that grants every call an app makes, per permission type.
            """,
        discussion: """
            CALLS (a file, or - for standard input) holds `METHOD URL` lines, JSON Lines {"method": ..., "url": ...}, \
            or a HAR file exported from a \
            browser or proxy (only Microsoft Graph requests are read). The answer is an exact set cover (the fewest \
            permissions, then the least privileged by name), with the permission that grants each call; calls that a \
            permission type does not support, and calls that match no documented API, are listed.
            Examples:
              graphperm need calls.txt
              graphperm need session.har --scheme application --format json
            """
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The file of calls, or - for standard input.")
    var calls: String

    @Option(
        name: .long,
        help:
            """
            Only these permission types: delegated, work (delegated-work), personal (delegated-personal) or application.
            """,
        completion: .schemes)
    var scheme: String?

    func validate() throws {
        if let scheme, Scheme.set(userText: scheme) == nil {
            throw ValidationError("--scheme takes delegated, work, personal or application, not '\(scheme)'")
        }
    }

    func run() throws {
        let list = try AppCalls.read(calls)
        let kb = try common.openKnowledgeBase()
        let schemes = scheme.flatMap(Scheme.set(userText:)).map { $0.sorted() } ?? Scheme.allCases
        let analysis = try kb.need(list, schemes: schemes)
        for result in analysis.schemes where !result.isProvenMinimal {
            Console.note(
                """
                \(result.scheme.rawValue): the search stopped at its limit; the set is the best found, not proven \
                minimal
                """
            )
        }
        Console.output(try common.render(analysis))
    }
}

