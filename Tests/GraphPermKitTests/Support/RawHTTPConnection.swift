import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One TCP connection to a loopback server, written and read byte for byte: for what curl hides (pipelined requests,
/// HTTP/1.0, the exact order of header lines, whether the server closes the connection).
final class RawHTTPConnection {
    private let socket: Int32
    private var pending: [UInt8] = []

    /// A response as it came: its status line, header lines in order, and body.
    struct Response {
        let statusLine: String
        let headerLines: [String]
        let body: String

        /// A header's value (name compared without regard to case).
        func header(_ name: String) -> String? {
            for line in headerLines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].lowercased() == name.lowercased() {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    struct ConnectionError: Error { let message: String }

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ConnectionError(message: "socket() failed") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            throw ConnectionError(message: "cannot connect to 127.0.0.1:\(port)")
        }
    }

    deinit { close(socket) }

    /// Sends `text` in one write.
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
        guard sent == bytes.count else { throw ConnectionError(message: "send() wrote \(sent) of \(bytes.count)") }
    }

    /// The next response (its body read by Content-Length; none for an answer to HEAD, `hasBody` false).
    func readResponse(hasBody: Bool = true) throws -> Response {
        while true {
            if let end = headEnd(), let declared = contentLength(headEnd: end),
                case let length = hasBody ? declared : 0, pending.count >= end + 4 + length
            {
                let head = String(decoding: pending[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let body = String(decoding: pending[(end + 4)..<(end + 4 + length)], as: UTF8.self)
                pending.removeFirst(end + 4 + length)
                return Response(statusLine: head[0], headerLines: Array(head.dropFirst()), body: body)
            }
            guard try receive() else { throw ConnectionError(message: "closed before a whole response") }
        }
    }

    /// Whether the server closes the connection (reads to its end; true if nothing more came).
    func isClosedByServer() throws -> Bool {
        while try receive() {}
        return pending.isEmpty
    }

    /// Reads what is there; false at the end of the stream.
    private func receive() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw ConnectionError(message: "recv() failed (errno \(errno))") }
        pending += buffer[..<count]
        return count > 0
    }

    private func headEnd() -> Int? {
        guard pending.count >= 4 else { return nil }
        for index in 0...(pending.count - 4)
        where pending[index] == 13 && pending[index + 1] == 10 && pending[index + 2] == 13 && pending[index + 3] == 10 {
            return index
        }
        return nil
    }

    private func contentLength(headEnd: Int) -> Int? {
        let head = String(decoding: pending[..<headEnd], as: UTF8.self).lowercased()
        for line in head.components(separatedBy: "\r\n") where line.hasPrefix("content-length:") {
            return Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        }
        return 0
    }
}
