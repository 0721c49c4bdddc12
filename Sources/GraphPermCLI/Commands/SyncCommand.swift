import GraphPermPlatform
import ArgumentParser
import GraphPermKit

/// `graphperm sync` runs the `graphperm-sync` helper beside this binary with the same arguments: only the helper
/// links the networking libraries, which keeps every other command's start-up short.
struct SyncCommand: HelperCommand {
    static let helper = "graphperm-sync"

    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract:
            "Bring the knowledge base up to date from Microsoft's permission files (or a mirror, or your tenant).",
        discussion: """
            See `graphperm sync --help` for the options.
            Examples:
              graphperm sync
              graphperm sync --from ./mirror
            """
    )

    @Argument(parsing: .captureForPassthrough, help: "The options of `graphperm sync`.")
    var arguments: [String] = []
}
