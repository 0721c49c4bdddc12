import Crypto

/// The SHA-256 digest of a file's bytes, for the provenance of loaded files and `sync --from`'s up-to-date check.
///
///     FileDigest.hex(Array("abc".utf8))  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
package enum FileDigest {
    /// The digest of `bytes` in lower-case hexadecimal.
    package static func hex(_ bytes: [UInt8]) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
