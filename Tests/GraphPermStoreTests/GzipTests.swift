import Testing
import GraphPermJSON
@testable import GraphPermStore

/// Inflating a gzip member, and the errors that name the file.
struct GzipTests {
    /// `printf 'graphperm\n' | gzip -n`
    static let member: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x4b, 0x2f, 0x4a, 0x2c, 0xc8, 0x28, 0x48, 0x2d,
        0xca, 0xe5, 0x02, 0x00, 0x21, 0xc6, 0xb3, 0x88, 0x0a, 0x00, 0x00, 0x00,
    ]

    @Test func inflatesAMemberToItsBytes() throws {
        #expect(try Gzip.decompress(Self.member, file: "a.gz") == Array("graphperm\n".utf8))
    }

    @Test func plainBytesAreNotGzip() {
        #expect(throws: LoadError.data(file: "a.json", place: "$", message: "expected gzip data")) {
            try Gzip.decompress(Array("{\"value\": [1, 2, 3, 4, 5, 6]}".utf8), file: "a.json")
        }
        #expect(throws: LoadError.data(file: "short.gz", place: "$", message: "expected gzip data")) {
            try Gzip.decompress([0x1f, 0x8b], file: "short.gz")
        }
    }

    @Test func aCutOrCorruptMemberIsRefusedNamingTheFile() {
        var wrongSize = Self.member
        wrongSize[wrongSize.count - 4] = 0x0b  // the trailer claims 11 bytes
        var corrupt = Self.member
        corrupt[12] ^= 0xff
        for (bytes, label) in [(wrongSize, "size"), (corrupt, "corrupt")] {
            do {
                _ = try Gzip.decompress(bytes, file: "bad.gz")
                Issue.record("a \(label) member was inflated")
            } catch {
                guard case .data(let file, let place, let message) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(file == "bad.gz" && place == "$" && message.hasPrefix("expected gzip data of "))
            }
        }
    }
}
