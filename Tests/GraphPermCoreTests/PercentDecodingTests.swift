import Testing
@testable import GraphPermCore

/// The one `%XX` decoder behind URL paths, query strings, form bodies and the REPL's token filter.
struct PercentDecodingTests {
    private func decoded(_ text: String, plusIsSpace: Bool = false) -> String {
        String(decoding: PercentDecoding.bytes(Array(text.utf8), plusIsSpace: plusIsSpace), as: UTF8.self)
    }

    @Test func decodesEscapesInEitherCase() {
        #expect(decoded("%2Fme%2fmessages") == "/me/messages")
        #expect(decoded("caf%C3%A9") == "café")
    }

    @Test func leavesMalformedEscapesAsWritten() {
        #expect(decoded("100%") == "100%" && decoded("%4") == "%4" && decoded("%zz%41") == "%zzA")
    }

    @Test func aPlusIsASpaceOnlyInForms() {
        #expect(decoded("a+b%2B", plusIsSpace: true) == "a b+")
        #expect(decoded("a+b") == "a+b")
    }

    @Test func decodesASliceWhereverItStarts() {
        let bytes = Array("xx%41%42".utf8)
        #expect(PercentDecoding.bytes(bytes[2...]) == Array("AB".utf8))
    }
}
