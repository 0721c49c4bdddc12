import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct NeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "need",
        abstract: "The smallest least-privileged set of permissions that grants every call an app makes, per permission type.",
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

    @Option(name: .long, help: "Only these permission types: delegated, work (delegated-work), personal (delegated-personal) or application.", completion: .schemes)
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
            Console.note("\(result.scheme.rawValue): the search stopped at its limit; the set is the best found, not proven minimal")
        }
        Console.output(common.outputFormat == .json ? analysis.json : analysis.tabular.render(common.outputFormat))
    }
}

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check an app's granted permissions against the calls it makes: unused, broader than needed, calls not covered.",
        discussion: """
            --granted takes the app manifest (requiredResourceAccess; IDs resolved through the knowledge base), or Graph's \
            appRoleAssignments or oauth2PermissionGrants of its service principal ({"value": [...]}); repeat it to combine. \
            --calls takes the calls as for `graphperm need`. Unknown IDs are reported, not dropped. --format md gives a \
            summary for a pull request with the corrected requiredResourceAccess. OpenID Connect scopes (openid, profile, \
            email, offline_access) and other APIs are listed apart, never as unused. Exit 1 when there are problems.
            Examples:
              graphperm audit --granted manifest.json --calls calls.txt --format md
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "A manifest, appRoleAssignments or oauth2PermissionGrants file (repeatable).")
    var granted: [String] = []

    @Option(name: .long, help: "The calls the app makes.")
    var calls: String?

    func validate() throws {
        if granted.isEmpty { throw ValidationError("give the app's granted permissions with --granted FILE") }
    }

    func run() throws {
        let kb = try common.openKnowledgeBase()
        var permissions = GrantedPermissions()
        for file in granted { try GrantedPermissions.read(file, kb: kb, into: &permissions) }
        let list = try calls.map { path in try AppCalls.read(path) } ?? []
        let report = try kb.audit(granted: permissions, calls: list)
        switch common.outputFormat {
        case .json: Console.output(report.json)
        case .md: Console.output(report.markdown)
        default: Console.output(report.tabular.render(common.outputFormat))
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
