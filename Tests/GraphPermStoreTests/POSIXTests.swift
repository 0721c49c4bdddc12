import Foundation
import Testing
@testable import GraphPermStore

/// read(2) as the store calls it: the bytes a descriptor holds, 0 at its end, -1 for a descriptor that is not open.
struct POSIXTests {
    @Test func readsWhatWasWrittenToAPipeThenZeroAtItsEnd() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // not inherited by other tests' children
        let text = Array("permissions.json".utf8)
        #expect(write(ends[1], text, text.count) == text.count)
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { POSIX.read(ends[0], $0.baseAddress, $0.count) }
        #expect(count == text.count && Array(buffer[..<count]) == text)
        #expect(buffer.withUnsafeMutableBytes { POSIX.read(ends[0], $0.baseAddress, $0.count) } == 0)
        close(ends[0])
    }

    @Test func readsNoMoreThanAskedAndTheRestOnTheNextCall() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }  // not inherited by other tests' children
        defer { close(ends[0]) }
        let text = Array("abcdef".utf8)
        #expect(write(ends[1], text, text.count) == text.count)
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(buffer.withUnsafeMutableBytes { POSIX.read(ends[0], $0.baseAddress, 4) } == 4)
        #expect(buffer == Array("abcd".utf8))
        #expect(buffer.withUnsafeMutableBytes { POSIX.read(ends[0], $0.baseAddress, 4) } == 2)
        #expect(buffer[..<2] == ArraySlice("ef".utf8))
    }

    @Test func aDescriptorThatIsNotOpenGivesMinusOne() {
        var buffer = [UInt8](repeating: 0, count: 8)
        let count = buffer.withUnsafeMutableBytes { POSIX.read(-1, $0.baseAddress, $0.count) }
        #expect(count == -1 && errno == EBADF)
    }
}
