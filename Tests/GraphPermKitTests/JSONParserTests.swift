import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

struct JSONParserTests {
    @Test func parsesNestedValuesInOrder() throws {
        let value = try JSONParser.parse(Array(#"{"b": [1, true, null], "a": "x\u00e9\n"}"#.utf8))
        #expect(value == .object(JSONObject([
            ("b", .array([.number(1), .bool(true), .null])), ("a", .string("xé\n")),
        ])))
    }

    @Test(arguments: [
        ("", "line 1, column 1 ($): expected a JSON document, found an empty input"),
        ("[1,", "line 1, column 4 ($[1]): expected a value, found the end of the input"),
        (#"{"a": 1, "a": 2}"#, #"line 1, column 10 ($): duplicate key "a" (a key may appear once per object)"#),
        ("{\"a\":\n  tru}", "line 2, column 3 ($.a): expected a value, found 't'"),
        (#"{"a": "x"} x"#, "line 1, column 12 ($): expected the end of the document, found 'x'"),
        (#"["\ud800"]"#, #"line 1, column 9 ($[0]): expected a low surrogate \uDC00-\uDFFF after a high surrogate"#),
        ("[01]", "line 1, column 3 ($): expected ',' or ']' in the array, found '1'"),
    ])
    func reportsErrorsWithTheirPlace(input: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(input.utf8)) }
        do {
            _ = try JSONParser.parse(Array(input.utf8))
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }
}

struct FileDigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 1_000), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func matchesTheStandardVectors(input: String, digest: String) {
        #expect(FileDigest.hex(Array(input.utf8)) == digest)
    }
}
