import Foundation
import Testing
import GraphPermJSON
@testable import GraphPermKit

/// An app's calls read from a file or standard input, errors naming the file (or `(standard input)`).
struct AppCallsFileTests {
    @Test func aFileOfLinesIsReadWithItsMethodsUpperCased() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file(
            "calls.txt", "# the nightly job\nget /me\n\npatch https://graph.microsoft.com/v1.0/users/42\n")
        #expect(try AppCalls.read(path) == [
            AppCalls.Call(method: "GET", url: "/me"),
            AppCalls.Call(method: "PATCH", url: "https://graph.microsoft.com/v1.0/users/42"),
        ])
    }

    @Test func aHARFileIsRecognisedFromItsContent() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("session.txt", #"""
            {"log": {"entries": [
              {"request": {"method": "OPTIONS", "url": "https://graph.microsoft.com/v1.0/me"}},
              {"request": {"method": "get", "url": "https://graph.microsoft.com/v1.0/me"}}]}}
            """#)
        #expect(try AppCalls.read(path) == [AppCalls.Call(method: "GET", url: "https://graph.microsoft.com/v1.0/me")])
    }

    @Test func aBadLineIsReportedWithTheFilesPath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("calls.txt", "GET /me\nnonsense\n")
        let expected = LoadError.data(file: path, place: "line 2", message: "expected `METHOD URL`, found \"nonsense\"")
        #expect(throws: expected) {
            try AppCalls.read(path)
        }
    }

    @Test func aMissingFileOrAFolderIsAnIOError() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: LoadError.io(file: folder.path + "/absent.txt", message: "no such file")) {
            try AppCalls.read(folder.path + "/absent.txt")
        }
        #expect(throws: LoadError.io(file: folder.path, message: "expected a file, found a folder")) {
            try AppCalls.read(folder.path)
        }
    }

    /// `-` reads standard input (here the built binary's, through `graphperm need -`), and names it in errors.
    @Test func aDashReadsStandardInputAndNamesItInErrors() throws {
        let result = try CommandRunner.run(["need", "-", "--format", "json"], stdin: "GET /me\nnonsense\n")
        #expect(result.status == 65)
        #expect(result.stderr
            == "graphperm: error: (standard input): line 2: expected `METHOD URL`, found \"nonsense\"\n")
        #expect(result.stdout.isEmpty)
    }
}
