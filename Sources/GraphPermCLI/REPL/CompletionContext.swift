import GraphPermKit
import GraphPermQuery

/// What the REPL offers on Tab, from the words before the cursor: statement keywords and dot commands at the start
/// of a statement, methods after `least` or `who can`, paths and entities after a method, permissions and roles
/// after `show`, `of` and `compare`, permission types after `for`, fields after `where`, formats after `.format`.
///
///     let words = CompletionContext.Words(permissions: ["Mail.Read"], roles: [], entities: ["alerts"],
///                                         templates: ["/me/messages"])
///     CompletionContext.candidates(before: "least GET ", words: words)  // ["/me/messages", "alerts"]
package enum CompletionContext {
    /// The names the knowledge base knows.
    package struct Words: Sendable {
        package var permissions: [String]
        package var roles: [String]
        package var entities: [String]
        package var templates: [String]

        package init(permissions: [String], roles: [String], entities: [String], templates: [String]) {
            self.permissions = permissions
            self.roles = roles
            self.entities = entities
            self.templates = templates
        }
    }

    static let dotCommands = [".help", ".format", ".schema", ".sql", ".quit"]

    /// The candidates for the word being typed, given the line up to the start of that word.
    package static func candidates(before text: Substring, words: Words) -> [String] {
        let previous = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
        guard let last = previous.last else { return Catalog.statementKeywords + dotCommands }
        switch last {
        case "least", "can": return Catalog.methods
        case "show", "of", "compare", "with": return words.permissions + words.roles
        case "for": return SchemeFilter.allCases.map(\.rawValue)
        case "where", "and", "or", "by", "not": return fields(of: previous.first ?? "")
        case ".format": return OutputFormat.allCases.map(\.rawValue)
        case "who": return ["can"]
        default: break
        }
        if Catalog.methods.contains(last.uppercased()), previous.count >= 2 { return words.templates + words.entities }
        if previous.first == ".sql" { return [] }
        return Catalog.keywords
    }

    private static func fields(of listing: String) -> [String] {
        switch listing {
        case "paths": Catalog.pathFields.map(\.name)
        case "calls": Catalog.callFields.map(\.name)
        default: Catalog.permissionFields.map(\.name)
        }
    }
}
