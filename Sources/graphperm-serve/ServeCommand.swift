import ArgumentParser
import Foundation
import GraphPermCLI
import GraphPermKit
import GraphPermWeb
import Hummingbird
import HummingbirdCore
import Logging

/// `graphperm serve`: the explorer and its JSON API over HTTP, read-only, on the loopback interface by default.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphperm serve",
        abstract: "Browse the knowledge base in a web browser, and ask it over a JSON API (read-only, offline).",
        discussion: """
            Serves pages (search, a page per permission and per path template, least, need, diagnose, the query \
            console, saved queries, reference documents) and a JSON API (/api/least, /api/who-can, /api/show/NAME, \
            /api/need, /api/query, described at /openapi.json), plus /permissions, compatible with Microsoft's \
            Graph Explorer permissions service. Nothing is written. It listens on 127.0.0.1 unless --host says \
            otherwise (a warning then: anyone who can reach that address can use it). --port 0 takes a free port. \
            The address it listens on is printed on stderr; Ctrl-C stops it.
            Examples:
              graphperm serve
              graphperm serve --port 0
              graphperm serve --db kb.sqlite --port 9000
            """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(name: .long, help: "The knowledge base file (else $GRAPHPERM_DB, else the per-user data location).")
    var db: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535, not \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host takes an address such as 127.0.0.1") }
    }

    func run() async throws {
        let options = try CommonOptions.parse(db.map { ["--db", $0] } ?? [])
        let kb = try options.openKnowledgeBase()
        if !Self.isLoopback(host) {
            Console.note(
                "warning: listening on \(host), not the loopback interface: anyone who can reach it can read the "
                    + "knowledge base and send tokens to /diagnose; the server has no authentication and no TLS")
        }
        // A server answers many lookups: read every permission's consent, level and tier once (a one-shot lookup
        // reads a few rows instead).
        try kb.preloadPermissionFacts()
        let server = ExplorerServer(explorer: Explorer(kb: kb), kb: kb)
        var logger = Logger(label: "graphperm-serve", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .error
        let host = self.host
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await server.respond(to: request) },
            server: HTTPServerBuilder { responder in
                ExplorerChannel(
                    responder: responder, cache: server.leastResponses, serverName: Self.serverName,
                    idleTimeout: .seconds(30))
            },
            configuration: .init(address: .hostname(host, port: port), serverName: Self.serverName),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? -1
                let shown = host.contains(":") ? "[\(host)]" : host
                Console.note("serving \(kb.location) on http://\(shown):\(bound)/ (Ctrl-C stops)")
            },
            logger: logger)
        do {
            try await app.runService()
        } catch {
            Console.note("error: cannot serve on \(host):\(port): \(error)")
            throw ExitCode(74)
        }
    }

    /// The `Server` header of every response.
    static let serverName = "graphperm"

    /// Whether `host` is a loopback address or name.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
