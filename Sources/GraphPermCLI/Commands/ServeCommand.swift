import ArgumentParser

/// `graphperm serve` runs the `graphperm-serve` helper beside this binary with the same arguments: only the helper
/// links the HTTP server (NIO, Hummingbird), which keeps every other command's start-up short.
struct ServeCommand: HelperCommand {
    static let helper = "graphperm-serve"

    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Browse the knowledge base in a web browser, and ask it over a JSON API (read-only, offline).",
        discussion: """
            See `graphperm serve --help` for the options.
            Examples:
              graphperm serve
              graphperm serve --port 0
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The options of `graphperm serve`.")
    var arguments: [String] = []
}
