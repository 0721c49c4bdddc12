import GraphPermCore
import GraphPermJSON

extension KnowledgeBaseWriter {
    /// Reads `paths` (and the embedded `Data/`) into a new knowledge base at `path`: the same facts and the same
    /// file as `KnowledgeLoader.gather` then `write`, sooner, because the grants are written on another core while
    /// the files are still being read. All-or-nothing like `write`: on any problem `path` stays as it was.
    ///
    ///     let facts = try KnowledgeBaseWriter.load(
    ///         paths: ["../shared/graph-data"], dataDirectory: Resources.dataDirectory, to: "kb.sqlite")
    package static func load(paths: [String], dataDirectory: ResourceFolder,
                             to path: String) throws(LoadError) -> KnowledgeFacts {
        try load(inputs: paths.map(LoadInput.path), dataDirectory: dataDirectory, to: path)
    }

    /// `load(paths:...)` for inputs that may be documents in memory, such as the embedded snapshot's:
    ///
    ///     try KnowledgeBaseWriter.load(
    ///         inputs: Snapshot.documents(), dataDirectory: Resources.dataDirectory, to: "kb.sqlite")
    package static func load(inputs: [LoadInput], dataDirectory: ResourceFolder,
                             to path: String) throws(LoadError) -> KnowledgeFacts {
        // Checked before the writer starts: the target must be none of the inputs (nor a file of another kind).
        let paths = inputs.compactMap { input -> String? in if case .path(let path) = input { path } else { nil } }
        try KnowledgeBaseTarget.refuseInput(target: path, inputs: paths)
        try KnowledgeBaseTarget.refuseForeignFile(path)
        let messages = MessageQueue<Message>()
        let written = BackgroundValue { () -> Result<Void, LoadError> in
            Result { () throws(LoadError) in
                try writeFile(path) { db in
                    var filler = try KnowledgeBaseFiller(db)
                    while true {
                        switch messages.receive() {
                        case .progress(.grantingPermissions(let names)): filler.number(granting: names)
                        case .progress(.grants(let grants)): try filler.add(grants)
                        case .progress(.grantsComplete(let entities)):
                            try filler.finishGrants(securityEntities: entities)
                        case .facts(let facts):
                            try filler.finish(with: facts)
                            return
                        case .abandon: throw CancellationError()
                        }
                    }
                }
            }
        }
        let facts: KnowledgeFacts
        do {
            facts = try KnowledgeLoader.gather(inputs: inputs, dataDirectory: dataDirectory) {
                messages.send(.progress($0))
            }
        } catch {
            messages.send(.abandon)
            _ = written.value  // the new file is gone once the writer has stopped
            throw error
        }
        messages.send(.facts(facts))
        try written.value.get()
        return facts
    }

    private enum Message: Sendable {
        case progress(KnowledgeLoader.Progress)
        case facts(KnowledgeFacts)
        case abandon
    }
}
