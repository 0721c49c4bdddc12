/// Parses statements: one with `parse`, a script of several (separated by `;` or new lines) with `parseScript`.
///
///     try Parser.parse("least PATCH /security/alerts/{id} for application")
///     // .least(method: "PATCH", target: "/security/alerts/{id}", schemes: .application)
public struct Parser {
    package static let maxDepth = 64

    private let tokens: [Token]
    private let lines: [String]
    private var index = 0
    private var depth = 0

    private init(_ text: String) throws(QueryError) {
        tokens = try Lexer.tokens(text)
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// One statement (a trailing `;` is allowed).
    public static func parse(_ text: String) throws(QueryError) -> Statement {
        let statements = try parseScript(text)
        guard statements.count == 1 else {
            let parser = try Parser(text)
            throw parser.error("expected one statement, found \(statements.count)", at: parser.tokens.last!)
        }
        return statements[0]
    }

    /// Every statement of a script; empty lines and `--` comments are skipped.
    public static func parseScript(_ text: String) throws(QueryError) -> [Statement] {
        var parser = try Parser(text)
        var statements: [Statement] = []
        while true {
            parser.skipSeparators()
            if parser.current.kind == .end { return statements }
            statements.append(try parser.statement())
            guard parser.atStatementEnd() else {
                throw parser.error(
                    "expected the end of the statement (';' or a new line), found \(parser.describe(parser.current))",
                    at: parser.current,
                    redacted: "expected the end of the statement (';' or a new line),"
                        + " found \(parser.kindOf(parser.current))")
            }
        }
    }

    // MARK: statements

    private mutating func statement() throws(QueryError) -> Statement {
        let token = current
        guard token.kind == .word else {
            throw expected("a statement (\(Catalog.statementKeywords.joined(separator: ", ")))", suggestFrom: [])
        }
        switch token.text.lowercased() {
        case "explain":
            advance()
            skipNewlines()
            return .explain(try statement())
        case "least":
            advance()
            let (method, target, schemes) = try call()
            return .least(method: method, target: target, schemes: schemes)
        case "who":
            advance()
            try keyword("can")
            let (method, target, schemes) = try call()
            return .whoCan(method: method, target: target, schemes: schemes)
        case "show":
            advance()
            return .show(try name("a permission name or ID, or an admin role name or role template ID"))
        case "paths":
            advance()
            try keyword("of")
            let permission = try name("a permission name")
            return .paths(permission: permission, listing: try listing(fields: Catalog.pathFields))
        case "permissions":
            advance()
            return .permissions(try listing(fields: Catalog.permissionFields))
        case "calls":
            advance()
            return .calls(try listing(fields: Catalog.callFields))
        case "compare":
            advance()
            let first = try name("a permission name")
            guard current.isKeyword("with") || current.isKeyword("and") else {
                throw expected("'with' and a second permission name")
            }
            advance()
            let second = try name("a permission name")
            return .compare(first, second, schemes: try schemeClause())
        case "entities":
            advance()
            return .entities
        case "roles":
            advance()
            return .roles
        default:
            throw expected("a statement (\(Catalog.statementKeywords.joined(separator: ", ")))",
                           suggestFrom: Catalog.statementKeywords + ["who can"])
        }
    }

    private mutating func call() throws(QueryError) -> (String, String, SchemeFilter?) {
        guard current.kind == .word, Catalog.methods.contains(current.text.uppercased()) else {
            throw expected("an HTTP method (\(Catalog.methods.joined(separator: ", ")))", suggestFrom: Catalog.methods)
        }
        let method = current.text.uppercased()
        advance()
        let target = try name("a URL, a path or an entity name")
        return (method, target, try schemeClause())
    }

    private mutating func schemeClause() throws(QueryError) -> SchemeFilter? {
        guard continues(with: "for") else { return nil }
        advance()
        guard current.kind == .word, let filter = SchemeFilter(word: current.text) else {
            throw expected("a permission type (delegated, work, personal, application)",
                           suggestFrom: SchemeFilter.allCases.map(\.rawValue))
        }
        advance()
        return filter
    }

    private mutating func listing(fields: [Catalog.Field]) throws(QueryError) -> Listing {
        var listing = Listing()
        if continues(with: "where") {
            advance()
            listing.condition = try condition(fields: fields)
        }
        if continues(with: "order") {
            advance()
            try keyword("by")
            repeat {
                if current.kind == .symbol, current.text == "," { advance() }
                let field = try fieldName(fields)
                var descending = false
                if current.isKeyword("desc") {
                    descending = true
                    advance()
                } else if current.isKeyword("asc") {
                    advance()
                }
                listing.order.append(OrderTerm(field: field, descending: descending))
            } while current.kind == .symbol && current.text == ","
        }
        if continues(with: "limit") {
            advance()
            guard current.kind == .word, let limit = Int(current.text), limit >= 0 else {
                throw expected("a whole number")
            }
            advance()
            listing.limit = limit
        }
        return listing
    }

    // MARK: conditions

    private mutating func condition(fields: [Catalog.Field]) throws(QueryError) -> Condition {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw error("the condition is nested more than \(Self.maxDepth) levels deep", at: current)
        }
        var left = try conjunction(fields: fields)
        while continues(with: "or") {
            advance()
            skipNewlines()
            left = .or(left, try conjunction(fields: fields))
        }
        return left
    }

    private mutating func conjunction(fields: [Catalog.Field]) throws(QueryError) -> Condition {
        var left = try negation(fields: fields)
        while continues(with: "and") {
            advance()
            skipNewlines()
            left = .and(left, try negation(fields: fields))
        }
        return left
    }

    private mutating func negation(fields: [Catalog.Field]) throws(QueryError) -> Condition {
        skipNewlines()
        if current.isKeyword("not") {
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else {
                throw error("the condition is nested more than \(Self.maxDepth) levels deep", at: current)
            }
            return .not(try negation(fields: fields))
        }
        if current.kind == .symbol, current.text == "(" {
            advance()
            let inner = try condition(fields: fields)
            skipNewlines()
            guard current.kind == .symbol, current.text == ")" else { throw expected("')'") }
            advance()
            return inner
        }
        let field = try fieldName(fields)
        let op: Operator
        if current.kind == .symbol, let symbol = Operator(rawValue: current.text == "<>" ? "!=" : current.text) {
            op = symbol
            advance()
        } else if current.isKeyword("like") {
            op = .like
            advance()
        } else if current.isKeyword("not"), peek.isKeyword("like") {
            op = .notLike
            advance()
            advance()
        } else {
            throw expected("a comparison (=, !=, <, <=, >, >=, like, not like)")
        }
        return .comparison(field: field, op: op, value: try value())
    }

    private mutating func value() throws(QueryError) -> Value {
        let token = current
        switch token.kind {
        case .string, .path:
            advance()
            return .text(token.text)
        case .word:
            advance()
            if token.isKeyword("true") { return .bool(true) }
            if token.isKeyword("false") { return .bool(false) }
            if let number = Int(token.text) { return .number(number) }
            return .text(token.text)
        default:
            throw expected("a value (a word, a 'quoted text', a number, true or false)")
        }
    }

    private mutating func fieldName(_ fields: [Catalog.Field]) throws(QueryError) -> String {
        let names = fields.map(\.name)
        guard current.kind == .word, names.contains(current.text.lowercased()) else {
            throw expected("a field (\(names.joined(separator: ", ")))", suggestFrom: names)
        }
        defer { advance() }
        return current.text.lowercased()
    }

    // MARK: tokens

    private var current: Token { tokens[index] }
    private var peek: Token { tokens[min(index + 1, tokens.count - 1)] }
    private mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    private mutating func name(_ what: String) throws(QueryError) -> String {
        skipNewlines()
        let token = current
        guard token.kind == .word || token.kind == .string || token.kind == .path else { throw expected(what) }
        advance()
        return token.text
    }

    private mutating func keyword(_ word: String) throws(QueryError) {
        skipNewlines()
        guard current.isKeyword(word) else { throw expected("'\(word)'", suggestFrom: [word]) }
        advance()
    }

    /// Whether the statement goes on with `word`, here or on a following line.
    private mutating func continues(with word: String) -> Bool {
        var probe = index
        while tokens[probe].kind == .newline { probe += 1 }
        guard tokens[probe].isKeyword(word) else { return false }
        index = probe
        return true
    }

    private mutating func skipNewlines() { while current.kind == .newline { advance() } }
    private mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .semicolon { advance() }
    }
    private func atStatementEnd() -> Bool { [.newline, .semicolon, .end].contains(current.kind) }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: "the end of the input"
        case .newline: "the end of the line"
        case .string: "'\(Excerpt.text(token.text))' (quoted)"
        default: "'\(Excerpt.text(token.text))'"
        }
    }

    /// What a token is, without its text: `a word of 12 bytes`.
    private func kindOf(_ token: Token) -> String {
        switch token.kind {
        case .end, .newline: describe(token)
        case .word: "a word of \(token.text.utf8.count) bytes"
        case .path: "a path of \(token.text.utf8.count) bytes"
        case .string: "a quoted text of \(token.text.utf8.count) bytes"
        case .semicolon: "';'"
        default: "a symbol"
        }
    }

    private func expected(_ what: String, suggestFrom candidates: [String] = []) -> QueryError {
        var failure = error("expected \(what), found \(describe(current))", at: current,
                            redacted: "expected \(what), found \(kindOf(current))")
        if current.kind == .word, current.text.utf8.count <= 200 {
            failure.suggestion = EditDistance.closest(to: current.text, in: candidates).map { Excerpt.text($0) }
        }
        return failure
    }

    private func error(_ message: String, at token: Token, redacted: String? = nil) -> QueryError {
        let line = lines[min(token.location.line - 1, lines.count - 1)]
        return QueryError(message: message, location: token.location, sourceLine: line, isAtEnd: token.kind == .end,
                          redactedMessage: redacted)
    }
}
