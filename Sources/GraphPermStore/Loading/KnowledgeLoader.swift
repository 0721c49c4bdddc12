import GraphPermPlatform
import GraphPermCore
import GraphPermJSON

/// One input of a load: a file or a folder of `*.json` files, or a document in memory named by its location (the
/// embedded snapshot: `embedded:snapshot/2026-08-07/6cbd6bbd665a/permissions.json`).
package enum LoadInput: Sendable {
    case path(String)
    case document(location: String, bytes: [UInt8])
}

/// Gathers the facts of every input file (kinds detected from content) and of the embedded `Data/`.
///
///     let facts = try KnowledgeLoader.gather(paths: ["../shared/graph-data"], dataDirectory: Resources.dataDirectory)
///     facts.grants.count  // 32,000 and more on the 2026-08 snapshot
package enum KnowledgeLoader {
    /// The Microsoft Graph application ID, which picks Graph's service principal out of a list.

    /// What a load tells a listener while it reads (see `KnowledgeBaseWriter.load`): first the permissions that
    /// can have grants, then the grants, in order, as the permissions documents are read, then that they are all
    /// read (with the security table, which adds grants of its own).
    package enum Progress: Sendable {
        case grantingPermissions(Set<String>)
        case grants([Grant])
        case grantsComplete(securityEntities: [SecurityEntity])
    }

    /// Reads and merges everything; throws on the first problem, naming the file and the JSON path.
    package static func gather(paths: [String], dataDirectory: ResourceFolder) throws(LoadError) -> KnowledgeFacts {
        try gather(paths: paths, dataDirectory: dataDirectory, progress: nil)
    }

    /// Reads and merges `inputs` (files, folders, or documents in memory such as the embedded snapshot).
    package static func gather(inputs: [LoadInput], dataDirectory: ResourceFolder) throws(LoadError) -> KnowledgeFacts {
        try gather(inputs: inputs, dataDirectory: dataDirectory, progress: nil)
    }

    package static func gather(paths: [String], dataDirectory: ResourceFolder,
                               progress: ((Progress) -> Void)?) throws(LoadError) -> KnowledgeFacts {
        try gather(inputs: paths.map(LoadInput.path), dataDirectory: dataDirectory, progress: progress)
    }

    package static func gather(inputs: [LoadInput], dataDirectory: ResourceFolder,
                               progress: ((Progress) -> Void)?) throws(LoadError) -> KnowledgeFacts {
        var sources: [LoadInput] = []
        for input in inputs {
            switch input {
            case .path(let path): sources += try SourceFile.expand(path).map { .path($0.path) }
            case .document: sources.append(input)
            }
        }
        // Reading and parsing are independent per file: they run side by side; the first failure in file order
        // is the one reported.
        var documents: [Document] = []
        for result in sources.concurrentMap({ source in Result { () throws(LoadError) in try Document(source) } }) {
            documents.append(try result.get())
        }
        // The digests are only needed for the provenance: another core computes them while the facts are merged.
        let digests = BackgroundValue { [documents] in documents.map { FileDigest.hex($0.bytes) } }
        var facts = KnowledgeFacts()
        try EmbeddedDataLoader.load(from: dataDirectory, into: &facts)
        let embeddedProvenance = facts.provenance
        facts.provenance = []
        for document in documents where document.kind == .permissionsDocument {
            if case .object(let permissions)? = document.reader["permissions"].value {
                facts.documentPermissions.formUnion(permissions.members.map(\.key))
            }
        }
        progress?(.grantingPermissions(facts.grantingPermissions))
        let order: [DocumentKind] = [
            .permissionsDocument, .servicePrincipal, .permissionDescriptions, .provisioningInfo,
        ]
        var merged: [Int] = []
        for kind in order {
            for (index, document) in documents.enumerated() where document.kind == kind {
                switch kind {
                case .permissionsDocument:
                    try PermissionsDocumentLoader.load(document.reader, into: &facts) { grants in
                        progress?(.grants(Array(grants)))
                    }
                case .servicePrincipal: try ScopeListLoaders.loadServicePrincipal(document.reader, into: &facts)
                case .permissionDescriptions: try ScopeListLoaders.loadDescriptions(document.reader, into: &facts)
                case .provisioningInfo: try ScopeListLoaders.loadProvisioningInfo(document.reader, into: &facts)
                case .securityEntities, .adminRoles: break
                }
                merged.append(index)
            }
            if kind == .permissionsDocument { progress?(.grantsComplete(securityEntities: facts.securityEntities)) }
        }
        facts.provenance += merged.map {
            SourceFile.provenance(documents[$0].kind, path: documents[$0].location, documents[$0].bytes,
                                  sha256: digests.value[$0])
        }
        facts.provenance += embeddedProvenance
        // The parsed trees hold hundreds of thousands of values: they are freed when a core has nothing else to do.
        releaseWhenIdle(documents)
        return facts
    }

    /// One input file read, parsed and recognised.
    private struct Document: Sendable {
        /// The file's standardized path, or the location of a document in memory.
        let location: String
        let bytes: [UInt8]
        let kind: DocumentKind
        let reader: JSONReader

        init(_ source: LoadInput) throws(LoadError) {
            let file: String
            switch source {
            case .path(let path):
                let url = URL(fileURLWithPath: path)
                file = url.path
                location = url.standardizedFileURL.path
                bytes = try SourceFile.read(url)
            case .document(let name, let contents):
                file = name
                location = name
                bytes = contents
            }
            (kind, reader) = try DocumentKind.detect(JSONReader.parse(bytes, file: file))
            if kind == .permissionsDocument { try checkPermissionNames(reader) }
        }
    }

    /// Checks every permission name of a permissions document before anything is built from the names (sort keys,
    /// sets, grants): a name of megabytes is refused here, with its place, at the cost of one pass over the keys.
    package static func checkPermissionNames(_ root: JSONReader) throws(LoadError) {
        guard case .object(let permissions)? = root["permissions"].value else { return }
        for member in permissions.members {
            _ = try JSONReader.checkPermissionName(member.key, at: root["permissions"][member.key])
        }
    }

    /// The kind of a downloaded document, or the error that says why it is none (bad JSON, unknown shape).
    package static func kind(of bytes: [UInt8], file: String) throws -> DocumentKind {
        try DocumentKind.detect(JSONReader.parse(bytes, file: file)).0
    }
}
