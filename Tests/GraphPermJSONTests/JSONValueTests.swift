import Testing
import GraphPermJSON

/// Parsed values, objects in document order, and JSON paths as error messages print them.
@Suite struct JSONValueTests {
    @Test func typeDescriptionsReadInASentence() {
        let values: [JSONValue] = [.null, .bool(true), .number(1), .string(""), .array([]), .object(JSONObject([]))]
        #expect(values.map(\.typeDescription)
            == ["null", "a boolean", "a number", "a string", "an array", "an object"])
    }

    @Test func objectsKeepTheirOrderAndCompareByIt() {
        let ab = JSONObject([("a", .number(1)), ("b", .null)])
        let ba = JSONObject([("b", .null), ("a", .number(1))])
        #expect(ab["a"] == .number(1) && ab["b"] == .null && ab["c"] == nil)
        #expect(ab.members.map(\.key) == ["a", "b"])
        #expect(ab != ba)
        #expect(ab == JSONObject([("a", .number(1)), ("b", .null)]))
        #expect(ab != JSONObject([("a", .number(1))]))
    }

    @Test(arguments: [
        ([JSONPathComponent](), "$"),
        ([.key("permissions"), .key("Mail.Read"), .key("pathSets"), .index(2)],
         #"$.permissions["Mail.Read"].pathSets[2]"#),
        ([.key("@odata.nextLink")], #"$["@odata.nextLink"]"#),
        ([.key("$top"), .key("a_1"), .key("@x")], "$.$top.a_1.@x"),
        ([.key("")], #"$[""]"#),
        ([.key(#"say "hi""#)], #"$["say \"hi\""]"#),
        ([.key("é")], #"$["é"]"#),
        ([.index(0), .index(10)], "$[0][10]"),
    ])
    func pathsRenderPlainKeysWithADotAndOthersQuoted(path: [JSONPathComponent], text: String) {
        #expect(JSONPathComponent.render(path) == text)
    }

    @Test func aVeryLongKeyIsShortenedInThePath() {
        let rendered = JSONPathComponent.render([.key(String(repeating: "k", count: 500))])
        #expect(rendered.count < 200)
        #expect(rendered.hasPrefix(#"$["kkkk"#) && rendered.contains("… (500 bytes)"))
    }
}
