import GraphPermPlatform
import GraphPermCore
import GraphPermStore

extension AppCalls {
    /// The calls in the file at `path` (`METHOD URL` lines, JSON Lines, or a HAR file); `-` reads standard input.
    public static func read(_ path: String) throws(LoadError) -> [Call] {
        let fromStandardInput = path == "-"
        let bytes = try SourceFile.read(URL(fileURLWithPath: fromStandardInput ? "/dev/stdin" : path))
        return try parse(String(decoding: bytes, as: UTF8.self), file: fromStandardInput ? "(standard input)" : path)
    }
}
