import Testing
import GraphPermJSON

/// Why a load failed: the file, the place in it and what was expected; 65 for bad data, 74 for I/O.
@Suite struct LoadErrorTests {
    @Test func dataNamesFilePlaceAndMessage() {
        let error = LoadError.data(file: "permissions.json", place: #"$.permissions["Mail.Read"].pathSets[2].methods"#,
                                   message: "expected an array of strings, found a string")
        #expect(error.description == #"permissions.json: $.permissions["Mail.Read"].pathSets[2].methods: "#
            + "expected an array of strings, found a string")
        #expect(error.exitCode == 65 && error.userMessage == "error: " + error.description)
    }

    @Test func ioNamesTheFile() {
        let error = LoadError.io(file: "kb.sqlite", message: "no such file")
        #expect(error.description == "kb.sqlite: no such file" && error.exitCode == 74)
    }
}
