import Testing
@testable import GraphPermJSON

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
