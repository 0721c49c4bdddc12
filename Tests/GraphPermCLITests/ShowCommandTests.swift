import ArgumentParser
import Testing
@testable import GraphPermCLI

/// `graphperm show NAME-OR-ID`: one permission or admin role by name or ID.
struct ShowCommandTests {
    @Test func aNameOrIDIsRead() throws {
        #expect(try ShowCommand.parse(["Mail.Read"]).nameOrID == "Mail.Read")
        let byID = try ShowCommand.parse(["--format", "json", "810c84a8-4a9e-49e6-bf7d-12d183f40d01"])
        #expect(byID.nameOrID == "810c84a8-4a9e-49e6-bf7d-12d183f40d01" && byID.common.outputFormat == .json)
    }

    @Test func oneNameOnly() throws {
        #expect(Refusal.of(ShowCommand.self, [])?.exitCode == 64)
        let refusal = try #require(Refusal.of(ShowCommand.self, ["Mail.Read", "User.Read"]))
        #expect(refusal.exitCode == 64 && refusal.message.contains("User.Read"))
    }
}
