import Testing
import GraphPermCore

/// JSON written into one buffer: the same bytes `JSONText` writes.
@Suite struct JSONWriterTests {
    @Test func nestedContainersGetTheirCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.string("x")
        writer.key("list")
        writer.beginArray()
        writer.int(1)
        writer.optional(nil as Int?)
        writer.bool(false)
        writer.beginObject()
        writer.endObject()
        writer.endArray()
        writer.key("s")
        writer.strings(["p", "q"])
        writer.key("o")
        writer.optional("y")
        writer.key("raw")
        writer.raw(#"{"k":1}"#)
        writer.endObject()
        #expect(writer.text == #"{"a":"x","list":[1,null,false,{}],"s":["p","q"],"o":"y","raw":{"k":1}}"#)
    }

    @Test(arguments: ["plain", "q\"b\\", "n\nr\rt\t", "\u{1}\u{1f}", "é ✓", "", "\"\""])
    func stringsAreEscapedExactlyAsJSONTextEscapesThem(text: String) {
        var writer = JSONWriter()
        writer.string(text)
        #expect(writer.text == JSONText.string(text))
    }

    @Test func escapesAreTheStandardOnes() {
        var writer = JSONWriter()
        writer.strings(["a\"b", "\u{8}"])
        #expect(writer.text == #"["a\"b","\u0008"]"#)
    }

    @Test func topLevelValuesAreSeparatedByCommas() {
        var writer = JSONWriter(capacity: 16)
        writer.int(1)
        writer.int(2)
        #expect(writer.text == "1,2")
        #expect(writer.bytes == Array("1,2".utf8))
    }
}
