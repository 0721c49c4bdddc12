import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm audit`: one app's granted files, or a tenant export with an optional app and its calls.
struct AuditCommandTests {
    @Test func grantedFilesRepeatAndCallsAreRead() throws {
        let command = try AuditCommand.parse(["--granted", "a.json", "--granted", "b.json", "--calls", "calls.txt"])
        #expect(command.granted == ["a.json", "b.json"] && command.calls == "calls.txt" && command.tenant == nil)
    }

    @Test func aTenantWithAnAppAndCallsIsRead() throws {
        let command = try AuditCommand.parse(
            ["--tenant", "export", "--app", "Contoso", "--calls", "calls.txt", "--today", "2026-08-07"])
        #expect(command.tenant == "export" && command.app == "Contoso" && command.today == "2026-08-07")
    }

    @Test(arguments: [
        ([], "give the app's granted permissions with --granted FILE, or a tenant export with --tenant FOLDER"),
        (["--tenant", "t", "--granted", "g.json"], "give either --tenant FOLDER or --granted FILE, not both"),
        (["--tenant", "t", "--calls", "c.txt"],
         "--tenant FOLDER --calls FILE needs --app APP: the id, appId or display name of the app that makes the calls"),
        (["--tenant", "t", "--app", "Contoso"], "--app goes with --calls FILE: the calls of the app to audit"),
        (["--tenant", "t", "--today", "7 Aug 2026"], "--today takes a date as YYYY-MM-DD, such as 2026-08-07"),
        (["--tenant", "t", "--today", "2026-13-01"], "--today takes a date as YYYY-MM-DD, such as 2026-08-07"),
        (["--granted", "g.json", "--app", "Contoso"], "--app picks an app of a tenant export: add --tenant FOLDER"),
    ])
    func badCombinationsAreRefused(arguments: [String], message: String) {
        #expect(Refusal.of(AuditCommand.self, arguments) == .usage(message))
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10"])
    func aDayThatIsNotInTheCalendarIsRefused(day: String) {
        #expect(Refusal.of(AuditCommand.self, ["--tenant", "t", "--today", day]) == .usage(
            "--today takes a date as YYYY-MM-DD, such as 2026-08-07"))
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-12-31"])
    func aDayOfTheCalendarIsTaken(day: String) {
        #expect(Refusal.of(AuditCommand.self, ["--tenant", "t", "--today", day]) == nil)
    }
}
