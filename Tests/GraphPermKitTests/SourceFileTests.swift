import Foundation
import Testing
@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// Reading input files: the size limit is checked before reading.
struct SourceFileTests {
    /// A 4 GiB sparse file is refused from its size alone: at once, without reading it.
    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("huge.json", "")
        #expect(truncate(path, 4 << 30) == 0)
        let started = Date()
        #expect(throws: LoadError.data(file: path, place: "$",
                                       message: "expected at most 256 MiB, found 4294967296 bytes")) {
            try SourceFile.read(URL(fileURLWithPath: path))
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    /// A file without a size (a device, a pipe) is read no further than the limit.
    @Test func aFileWithoutASizeIsReadNoFurtherThanTheLimit() throws {
        #expect(throws: LoadError.data(file: "/dev/zero", place: "$", message: "expected at most 1 MiB, found more")) {
            try SourceFile.read(URL(fileURLWithPath: "/dev/zero"), limit: 1 << 20)
        }
    }

    @Test func aFileWithinTheLimitIsReadWhole() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("small.json", "{\"permissions\": {}}")
        #expect(try SourceFile.read(URL(fileURLWithPath: path)) == Array("{\"permissions\": {}}".utf8))
        #expect(throws: LoadError.io(file: folder.path, message: "expected a file, found a folder")) {
            try SourceFile.read(URL(fileURLWithPath: folder.path))
        }
        #expect(throws: LoadError.io(file: folder.path + "/none.json", message: "no such file")) {
            try SourceFile.read(URL(fileURLWithPath: folder.path + "/none.json"))
        }
    }
}
