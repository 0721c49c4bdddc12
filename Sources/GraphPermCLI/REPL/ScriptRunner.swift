import GraphPermPlatform
import GraphPermStore
import GraphPermQuery
import GraphPermKit

/// Runs statements of the query language and renders their results through the shared output path.
package struct ScriptRunner {
    package let kb: KnowledgeBase
    package var format: OutputFormat
    /// Whether a syntax error may quote the script's text; false for a file that may not hold statements at all
    /// (a token, a system file): its errors then give the place and the kind of what was found, never its text.
    package var echoesSource: Bool

    package init(kb: KnowledgeBase, format: OutputFormat, echoesSource: Bool = true) {
        self.kb = kb
        self.format = format
        self.echoesSource = echoesSource
    }

    /// The outcome of one statement: its output or the error to show, and the exit status it implies.
    package enum Outcome {
        case output(String)
        case failure(String, status: Int32)
    }

    /// Parses `text` (one or more statements) and runs each; a parse error stops before anything runs.
    package func run(script text: String) -> [Outcome] {
        let statements: [Statement]
        do {
            statements = try Parser.parseScript(text)
        } catch {
            return [.failure(echoesSource ? error.description : error.redactedDescription, status: 64)]
        }
        return statements.map(run)
    }

    /// Runs one parsed statement.
    package func run(_ statement: Statement) -> Outcome {
        do {
            try checkNames(statement)
            return .output(try kb.run(statement).render(format))
        } catch let error as LookupError {
            return .failure(error.description, status: 1)
        } catch let error as KnowledgeBaseError {
            return .failure(error.description, status: error.exitCode)
        } catch {
            return .failure("\(error)", status: 1)
        }
    }

    /// A misspelled permission name gets "did you mean" rather than an empty result.
    private func checkNames(_ statement: Statement) throws {
        switch statement {
        case .paths(let permission, _): try kb.requirePermission(permission)
        case .compare(let first, let second, _):
            try kb.requirePermission(first)
            try kb.requirePermission(second)
        case .explain(let inner): try checkNames(inner)
        default: break
        }
    }
}

extension KnowledgeBase {
    /// Throws `LookupError.unknownEntity` (with suggestions when nothing has this name) unless it names a permission.
    package func requirePermission(_ name: String) throws {
        guard case .permission = try show(name) else {
            throw LookupError.unknownEntity("\(name) (an admin role, not a permission)", suggestions: [])
        }
    }
}
