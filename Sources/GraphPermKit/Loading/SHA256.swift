#if canImport(CSHA256)
import CSHA256
#endif

/// SHA-256 (FIPS 180-4), for the provenance of loaded files. Processors with SHA instructions (x86-64 SHA
/// extensions) compress with them (`Sources/CSHA256`); others use the Swift rounds below.
///
///     SHA256.hex(Array("abc".utf8))  // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
public enum SHA256 {
    /// Whether this processor's SHA instructions are used.
    public static let hasHardware: Bool = {
        #if canImport(CSHA256)
        graphperm_sha256_hardware_available() != 0
        #else
        false
        #endif
    }()

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `message` in lower-case hexadecimal; `hardware: false` forces the Swift rounds (for tests).
    public static func hex(_ message: [UInt8], hardware: Bool = hasHardware) -> String {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        var tail = Array(message[(message.count / 64 * 64)...])
        let bitLength = UInt64(message.count) * 8
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 64)
        k.withUnsafeBufferPointer { k in
            w.withUnsafeMutableBufferPointer { w in
                func compress(_ bytes: UnsafeBufferPointer<UInt8>) {
                    #if canImport(CSHA256)
                    if hardware {
                        var state = [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7]
                        graphperm_sha256_hardware_blocks(&state, bytes.baseAddress, bytes.count / 64, k.baseAddress)
                        h = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
                        return
                    }
                    #endif
                    for chunk in stride(from: 0, to: bytes.count, by: 64) {
                        for i in 0..<16 {
                            let j = chunk + i * 4
                            w[i] = UInt32(bytes[j]) << 24 | UInt32(bytes[j + 1]) << 16 | UInt32(bytes[j + 2]) << 8 | UInt32(bytes[j + 3])
                        }
                        for i in 16..<64 {
                            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                        }
                        var (a, b, c, d, e, f, g, hh) = h
                        // Eight rounds per pass with the roles renamed instead of the eight words moved (half the instructions).
                        for i in stride(from: 0, to: 64, by: 8) {
                            round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
                            round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                            round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                            round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                            round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
                            round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
                            round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
                            round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
                        }
                        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
                    }
                }
                message.withUnsafeBufferPointer { whole in compress(UnsafeBufferPointer(rebasing: whole[..<(message.count / 64 * 64)])) }
                tail.withUnsafeBufferPointer { compress($0) }
            }
        }
        let digits = Array("0123456789abcdef")
        var text = ""
        for word in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
            for shift in stride(from: 28, through: 0, by: -4) { text.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return text
    }

    /// One round: `d` gains T1, and `h` becomes the new `a` (T1 + T2); the caller renames the rest.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d = d &+ t1
        h = t1 &+ t2
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
