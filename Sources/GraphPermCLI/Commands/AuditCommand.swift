import GraphPermPlatform
import ArgumentParser
import GraphPermCLI
import GraphPermKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        _superCommandName: "graphperm",
        abstract: "Audit an app's granted permissions against its calls, or every app of a tenant export by risk tier.",
        discussion: """
            --granted takes the app manifest (requiredResourceAccess; IDs resolved through the knowledge base), or \
            Graph's appRoleAssignments or oauth2PermissionGrants of its service principal ({"value": [...]}); repeat \
            it to combine. --calls takes the calls as for `graphperm need`. Unknown IDs are reported, not dropped. \
            --format md gives a summary for a pull request with the corrected requiredResourceAccess. OpenID Connect \
            scopes (openid, profile, email, offline_access) and other APIs are listed apart, never as unused. Exit 1 \
            when there are problems.

            --tenant FOLDER audits a tenant export instead: servicePrincipals.json (GET \
            /servicePrincipals?$expand=appRoleAssignments), oauth2PermissionGrants.json and roleAssignments.json \
            (GET /roleManagement/directory/roleAssignments), each {"value": [...]} or Graph's pages (NAME.2.json ... \
            while a page has @odata.nextLink). Per app: its Tier 0 and 1 grants, delegated grants for all users or \
            single users, directory roles, credentials and their lifetimes, first or third party, and the chains by \
            which it takes over other apps to reach Global Administrator; a score, worst first (the JSON summary \
            says how it is computed). --today sets the date credentials are judged against. Exit 1 when an app is at \
            Tier 0.

            --tenant FOLDER --app APP --calls FILE audits one app of the export against its calls, as --granted \
            does: APP is the service principal's id, its appId, its display name or a \
            part of it that only one app has (case-insensitive; a name that several apps share is refused with \
            their ids). What it holds is its app role assignments and the \
            scopes of its delegated grants (for all users or single users alike) on Microsoft Graph; the report \
            lists unused grants and grants broader than the calls need with the least replacement. Exit 1 when \
            there are problems.

            Examples:
              graphperm audit --granted manifest.json --calls calls.txt --format md
              graphperm audit --tenant tenant-export --format md
              graphperm audit --tenant tenant-export --calls calls.txt --app "Mail Archiver"
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "A manifest, appRoleAssignments or oauth2PermissionGrants file (repeatable).")
    var granted: [String] = []

    @Option(name: .long, help: "The calls the app makes.")
    var calls: String?

    @Option(name: .long, help: "A tenant export folder to audit, app by app.")
    var tenant: String?

    @Option(name: .long, help: "With --tenant and --calls: the app to audit (id, appId, display name or part of it).")
    var app: String?

    @Option(
        name: .long, help: "With --tenant: the date credentials are judged against (YYYY-MM-DD; default today, UTC).")
    var today: String?

    func validate() throws {
        if tenant != nil {
            if !granted.isEmpty { throw ValidationError("give either --tenant FOLDER or --granted FILE, not both") }
            if calls != nil, app == nil {
                throw ValidationError(
                    "--tenant FOLDER --calls FILE needs --app APP: the id, appId or display name of the app that "
                        + "makes the calls")
            }
            if app != nil, calls == nil {
                throw ValidationError("--app goes with --calls FILE: the calls of the app to audit")
            }
            if let today, !(today.count == 10 && ISODay.number(today) != nil) {
                throw ValidationError("--today takes a date as YYYY-MM-DD, such as 2026-08-07")
            }
        } else if app != nil {
            throw ValidationError("--app picks an app of a tenant export: add --tenant FOLDER")
        } else if granted.isEmpty {
            throw ValidationError(
                "give the app's granted permissions with --granted FILE, or a tenant export with --tenant FOLDER")
        }
    }

    func run() throws {
        let kb = try common.openKnowledgeBase()
        if let tenant, let app, let calls {
            let list = try AppCalls.read(calls)
            let audit: TenantAppAudit
            do {
                audit = try kb.auditTenantApp(folder: tenant, app: app, calls: list)
            } catch let error as TenantAppChoiceError {
                throw ValidationError(error.description)
            }
            Console.note("auditing \(audit.app.displayName) (appId \(audit.app.appId), id \(audit.app.id))")
            try render(audit.report)
            return
        }
        if let tenant {
            let date = today ?? String(Date().iso8601.prefix(10))
            let report = try kb.auditTenant(folder: tenant, today: date)
            Console.output(try common.render(report))
            if report.summary.appsByTier[0] > 0 { throw ExitCode(1) }
            return
        }
        var permissions = GrantedPermissions()
        for file in granted { try GrantedPermissions.read(file, kb: kb, into: &permissions) }
        let list = try calls.map { path in try AppCalls.read(path) } ?? []
        try render(try kb.audit(granted: permissions, calls: list))
    }

    /// Prints a single-app audit in the chosen format; exit 1 when it has problems.
    private func render(_ report: AuditReport) throws {
        Console.output(try common.render(report))
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
