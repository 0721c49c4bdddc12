import Foundation
import GraphPermCore
import GraphPermStore

package extension AppCalls {
    /// The calls in the file at `path` (`METHOD URL` lines, JSON Lines, or a HAR file).
    public static func read(_ path: String) throws(LoadError) -> [Call] {
        let bytes = try SourceFile.read(URL(fileURLWithPath: path))
        return try parse(String(decoding: bytes, as: UTF8.self), file: path)
    }
}
