import Testing
@testable import GraphPermQuery

/// The line an error of graphperm shows its user: `error: ` and its description unless the error says otherwise.
struct GraphPermErrorTests {
    struct Plain: GraphPermError {
        var description: String { "no such permission: Mail.Raed" }
        var exitCode: Int32 { 1 }
    }

    struct OwnLine: GraphPermError {
        var description: String { "the download stopped" }
        var exitCode: Int32 { 74 }
        var userMessage: String { "warning: \(description); the old knowledge base is kept" }
    }

    @Test func theUserLineIsErrorAndTheDescription() {
        #expect(Plain().userMessage == "error: no such permission: Mail.Raed")
    }

    @Test func anErrorWithItsOwnLineKeepsItWhenSeenAsAnyGraphPermError() {
        let errors: [any GraphPermError] = [Plain(), OwnLine()]
        #expect(errors.map(\.userMessage) == [
            "error: no such permission: Mail.Raed", "warning: the download stopped; the old knowledge base is kept",
        ])
        #expect(errors.map(\.exitCode) == [1, 74])
    }

    @Test func aThrownErrorIsRecognisedAsAGraphPermError() {
        do {
            throw OwnLine()
        } catch let error as GraphPermError {
            #expect(error.exitCode == 74 && error.userMessage.hasPrefix("warning: "))
        } catch {
            Issue.record("not recognised: \(error)")
        }
    }
}
