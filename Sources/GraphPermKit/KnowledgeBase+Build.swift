import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// Builds a knowledge base at `path` from Microsoft's files (files or folders) and the project's own data, and
    /// returns what was read (its warnings and provenance). All or nothing: on any problem the file at `path`
    /// stays as it was.
    ///
    ///     let facts = try KnowledgeBase.build(from: ["../shared/graph-data"], at: "kb.sqlite")
    ///     facts.provenance.count  // 4
    @discardableResult
    public static func build(from paths: [String], at path: String) throws(LoadError) -> KnowledgeFacts {
        try KnowledgeBaseWriter.load(paths: paths, dataDirectory: Resources.dataDirectory, to: path)
    }

    /// Builds a knowledge base at `path` from the snapshot of Microsoft's permission facts compiled into the
    /// binary (no files, no network).
    ///
    ///     try KnowledgeBase.buildFromSnapshot(at: "kb.sqlite")
    @discardableResult
    public static func buildFromSnapshot(at path: String) throws -> KnowledgeFacts {
        try KnowledgeBaseWriter.load(inputs: Snapshot.documents(), dataDirectory: Resources.dataDirectory, to: path)
    }
}
