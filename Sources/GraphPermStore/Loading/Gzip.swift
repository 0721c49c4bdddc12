import CZlib
import GraphPermCore
import GraphPermJSON

/// Inflating a gzip member with zlib (Foundation on Linux has no gzip API).
///
///     try Gzip.decompress(Array(gzipBytes))   // the original bytes
package enum Gzip {
    /// The bytes a gzip member holds; `file` names it in errors.
    package static func decompress(_ bytes: [UInt8], file: String) throws(LoadError) -> [UInt8] {
        guard bytes.count >= 18, bytes[0] == 0x1f, bytes[1] == 0x8b else {
            throw LoadError.data(file: file, place: "$", message: "expected gzip data")
        }
        // The trailer's last four bytes are the size of the original (modulo 2^32): the output is allocated once.
        let size = bytes.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        var output = [UInt8](repeating: 0, count: size + 1)
        var input = bytes
        var stream = z_stream()
        // 16 + 15: a gzip header, the largest window.
        guard inflateInit2_(&stream, 16 + 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LoadError.data(file: file, place: "$", message: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let (status, produced) = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                let status = inflate(&stream, Z_FINISH)
                return (status, outputBuffer.count - Int(stream.avail_out))
            }
        }
        guard status == Z_STREAM_END, produced == size else {
            let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw LoadError.data(file: file, place: "$", message: "expected gzip data of \(size) bytes (\(reason))")
        }
        output.removeLast()
        return output
    }
}
