import Testing
@testable import GraphPermQuery

/// One vocabulary of methods for the command line, the language and the loader.
struct HTTPMethodTests {
    @Test(arguments: [("get", HTTPMethod.get), ("Patch", .patch), ("DELETE", .delete), ("options", .options)])
    func readsAMethodInAnyLetterCase(text: String, method: HTTPMethod) {
        #expect(HTTPMethod(userText: text) == method)
    }

    @Test func refusesWhatIsNotAMethod() {
        #expect(HTTPMethod(userText: "FETCH") == nil && HTTPMethod(userText: "") == nil)
        #expect(HTTPMethod(userText: "GET ") == nil)
    }

    @Test func sortsInTheDocumentationsOrderAndKnowsWhichOnlyRead() {
        #expect([HTTPMethod.delete, .get, .patch, .post].sorted() == [.get, .post, .patch, .delete])
        #expect(HTTPMethod.documented.map(\.rawValue) == ["GET", "POST", "PUT", "PATCH", "DELETE"])
        #expect(HTTPMethod.allCases.filter(\.onlyReads) == [.get, .head])
    }
}
