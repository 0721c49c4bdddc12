/// JSON text appended into one byte buffer: for large documents, where building each member as its own `String`
/// (as `JSONText` does) costs more than the data. The output is byte for byte what `JSONText` writes.
///
///     var writer = JSONWriter()
///     writer.beginObject(); writer.member("a", "x\n"); writer.endObject()
///     writer.text   // {"a":"x\n"}
package struct JSONWriter: Sendable {
    package private(set) var bytes: [UInt8] = []
    /// Whether the next value or key in the current container needs a comma before it.
    private var needsComma = false

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The text written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    /// A member's key; the next call writes its value.
    package mutating func key(_ name: String) {
        separate()
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    package mutating func string(_ text: String) {
        separate()
        quoted(text)
    }

    package mutating func optional(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    package mutating func int(_ number: Int) { raw(String(number)) }

    package mutating func optional(_ number: Int?) {
        if let number { int(number) } else { raw("null") }
    }

    package mutating func bool(_ flag: Bool) { raw(flag ? "true" : "false") }

    package mutating func strings(_ texts: [String]) {
        beginArray()
        for text in texts { string(text) }
        endArray()
    }

    /// A member with its value: `writer.member("id", app.id)` is `writer.key("id"); writer.string(app.id)`.
    package mutating func member(_ name: String, _ text: String) { key(name); string(text) }
    package mutating func member(_ name: String, _ text: String?) { key(name); optional(text) }
    package mutating func member(_ name: String, _ number: Int) { key(name); int(number) }
    package mutating func member(_ name: String, _ number: Int?) { key(name); optional(number) }
    package mutating func member(_ name: String, _ flag: Bool) { key(name); bool(flag) }
    package mutating func member(_ name: String, _ texts: [String]) { key(name); strings(texts) }

    /// JSON text already rendered, written as one value.
    package mutating func raw(_ json: String) {
        separate()
        var json = json
        json.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// A string in quotes, escaped as `JSONText.string` escapes it.
    private mutating func quoted(_ text: String) {
        var text = text
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                default:
                    let hex = Array(String(byte, radix: 16).utf8)
                    bytes += Array("\\u".utf8) + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
