/// Prints a statement in canonical form; parsing the text gives the same statement back.
///
///     Printer.print(.least(method: "GET", target: "/me", schemes: .application))  // "least GET /me for application"
public enum Printer {
    /// The statement as text that parses back to it: `Printer.print(try Parser.parse("who can get /me"))`.
    public static func print(_ statement: Statement) -> String {
        switch statement {
        case .least(let method, let target, let schemes): "least \(method) \(name(target))" + schemeText(schemes)
        case .whoCan(let method, let target, let schemes): "who can \(method) \(name(target))" + schemeText(schemes)
        case .show(let target): "show \(name(target))"
        case .paths(let permission, let listing): "paths of \(name(permission))" + listingText(listing)
        case .permissions(let listing): "permissions" + listingText(listing)
        case .calls(let listing): "calls" + listingText(listing)
        case .compare(let first, let second, let schemes):
            "compare \(name(first)) with \(name(second))" + schemeText(schemes)
        case .entities: "entities"
        case .roles: "roles"
        case .explain(let inner): "explain " + print(inner)
        }
    }

    /// A name as written: bare when it lexes as one word or path, else quoted.
    static func name(_ text: String) -> String {
        if text.unicodeScalars.first == "/"
            || text.unicodeScalars.prefix(4).map(String.init).joined().lowercased() == "http" {
            if !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == ";" }) { return text }
        } else if !text.isEmpty, text.unicodeScalars.allSatisfy(Lexer.isWordCharacter),
                  !Catalog.keywords.contains(text.lowercased()) {
            return text
        }
        return Printer.quoted(text)
    }

    /// Text in single quotes, with `'` doubled.
    package static func quoted(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(scalar)
            if scalar == "'" { result.unicodeScalars.append(scalar) }
        }
        result.unicodeScalars.append("'")
        return result
    }

    private static func schemeText(_ schemes: SchemeFilter?) -> String {
        schemes.map { " for \($0.rawValue)" } ?? ""
    }

    private static func listingText(_ listing: Listing) -> String {
        var text = ""
        if let condition = listing.condition { text += " where " + conditionText(condition, parentPrecedence: 0) }
        if !listing.order.isEmpty {
            text += " order by "
                + listing.order.map { $0.field + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        }
        if let limit = listing.limit { text += " limit \(limit)" }
        return text
    }

    private static func conditionText(_ condition: Condition, parentPrecedence: Int) -> String {
        switch condition {
        case .comparison(let field, let op, let value):
            return "\(field) \(op.rawValue) \(valueText(value))"
        case .not(let inner):
            return "not " + conditionText(inner, parentPrecedence: 3)
        case .and(let left, let right):
            let text = conditionText(left, parentPrecedence: 2) + " and " + conditionText(right, parentPrecedence: 3)
            return parentPrecedence > 2 ? "(\(text))" : text
        case .or(let left, let right):
            let text = conditionText(left, parentPrecedence: 1) + " or " + conditionText(right, parentPrecedence: 2)
            return parentPrecedence > 1 ? "(\(text))" : text
        }
    }

    private static func valueText(_ value: Value) -> String {
        switch value {
        case .text(let text): Printer.quoted(text)
        case .number(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        }
    }
}
