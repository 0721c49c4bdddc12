/// A value bound to a SQL parameter.
public enum SQLValue: Sendable, Equatable, CustomStringConvertible {
    case text(String)
    case integer(Int)

    /// The value as the language writes it: `'Mail%'` or `5`.
    public var description: String {
        switch self {
        case .text(let text): Printer.quoted(text)
        case .integer(let number): String(number)
        }
    }
}

/// SQL text and its arguments. User values are only ever arguments; identifiers come from `Catalog`.
public struct PlannedQuery: Sendable, Equatable {
    /// The SQL text, with `?` for each argument.
    public let sql: String
    /// The values bound to the `?` parameters, in order: `[.text("Mail%")]`.
    public let arguments: [SQLValue]

    /// A query: `PlannedQuery(sql: "SELECT name FROM permission LIMIT ?", arguments: [.integer(5)])`.
    public init(sql: String, arguments: [SQLValue]) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// Compiles the listing statements to SQL.
///
///     try Planner.plan(.permissions(Listing(
///         condition: .comparison(field: "name", op: .like, value: .text("Security%")))))
///     // SELECT p.name, s.name, ps.guid, ... WHERE p.name LIKE ? ... ORDER BY p.kibali_rank, s.id  ["Security%"]
public enum Planner {
    /// A statement the planner cannot compile: `error.message  // "unknown field nmae"`.
    public struct PlanError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, in a sentence.
        public let message: String
        /// The message.
        public var description: String { message }
    }

    /// The SQL of a listing statement; nil for the statements that are not listings (`least`, `who can`).
    public static func plan(_ statement: Statement) throws(PlanError) -> PlannedQuery? {
        switch statement {
        case .permissions(let listing):
            return try select(
                columns: "p.name AS name, s.name AS scheme, ps.guid AS id, CASE ps.requires_admin_consent"
                    + " WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END AS admin_consent, ps.privilege_level AS privilege_level,"
                    + " coalesce(ps.admin_display_name, ps.user_display_name) AS display_name",
                from: "permission p JOIN permission_scheme ps ON ps.permission_id = p.id"
                    + " JOIN scheme s ON s.id = ps.scheme_id",
                fixed: [], listing: listing, fields: Catalog.permissionFields, defaultOrder: "p.kibali_rank, s.id",
                grouping: nil)
        case .paths(let permission, let listing):
            return try select(
                columns: "g.method AS method, t.template AS template, s.name AS scheme,"
                    + " CASE g.is_least WHEN 1 THEN 'yes' ELSE '' END AS least, g.also_requires AS also_requires",
                from: "grants g JOIN permission p ON p.id = g.permission_id JOIN scheme s ON s.id = g.scheme_id"
                    + " JOIN path_template t ON t.id = g.template_id",
                fixed: [("p.name = ? COLLATE NOCASE", [.text(permission)])], listing: listing,
                fields: Catalog.pathFields,
                defaultOrder: "t.template, CASE g.method WHEN 'GET' THEN 1 WHEN 'POST' THEN 2 WHEN 'PUT' THEN 3"
                    + " WHEN 'PATCH' THEN 4 WHEN 'DELETE' THEN 5 ELSE 6 END, s.id",
                grouping: nil)
        case .calls(let listing):
            return try select(
                columns: "t.template AS template, g.method AS method, s.name AS scheme, count(*) AS permissions,"
                    + " sum(g.is_least) AS least_markers",
                from: "grants g JOIN scheme s ON s.id = g.scheme_id JOIN path_template t ON t.id = g.template_id",
                fixed: [], listing: listing, fields: Catalog.callFields,
                defaultOrder: "t.template, g.method, s.id", grouping: "t.id, g.method, s.id")
        case .compare(let first, let second, let schemes):
            let schemeNames = (schemes ?? .delegated).schemeNames + (schemes == nil ? ["Application"] : [])
            let marks = schemeNames.map { _ in "?" }.joined(separator: ", ")
            let side = "SELECT s.name AS scheme, g.method AS method, t.template AS template FROM grants g"
                + " JOIN permission p ON p.id = g.permission_id JOIN scheme s ON s.id = g.scheme_id"
                + " JOIN path_template t ON t.id = g.template_id"
                + " WHERE p.name = ? COLLATE NOCASE AND s.name IN (\(marks))"
            let sql = "SELECT * FROM (SELECT ? AS only_in, * FROM (\(side) EXCEPT \(side))"
                + " UNION ALL SELECT ? AS only_in, * FROM (\(side) EXCEPT \(side)))"
                + " ORDER BY only_in = ?, template, method, scheme"
            let names = schemeNames.map { SQLValue.text($0) }
            let arguments: [SQLValue] = [.text(first)] + [.text(first)] + names + [.text(second)] + names
                + [.text(second)] + [.text(second)] + names + [.text(first)] + names + [.text(second)]
            return PlannedQuery(sql: sql, arguments: arguments)
        case .entities:
            return PlannedQuery(
                sql: "SELECT permission_name AS permission, entity, resource_path AS path, methods,"
                    + " CASE is_preview WHEN 1 THEN 'yes' ELSE 'no' END AS preview FROM security_entity ORDER BY id",
                arguments: [])
        case .roles:
            return PlannedQuery(
                sql: "SELECT name AS role, role_template_id FROM admin_role WHERE security_api IS NOT NULL"
                    + " ORDER BY security_api",
                arguments: [])
        case .least, .whoCan, .show, .explain:
            return nil
        }
    }

    private static func select(columns: String, from: String, fixed: [(String, [SQLValue])], listing: Listing,
                               fields: [Catalog.Field], defaultOrder: String,
                               grouping: String?) throws(PlanError) -> PlannedQuery {
        var sql = "SELECT \(columns) FROM \(from)"
        var arguments: [SQLValue] = []
        var filters = fixed.map(\.0)
        for (_, values) in fixed { arguments += values }
        var having: String? = nil
        if let condition = listing.condition {
            var conditionArguments: [SQLValue] = []
            let text = try conditionSQL(condition, fields: fields, arguments: &conditionArguments)
            if grouping == nil { filters.append(text) } else { having = text }
            arguments += conditionArguments
        }
        if !filters.isEmpty { sql += " WHERE " + filters.joined(separator: " AND ") }
        if let grouping { sql += " GROUP BY \(grouping)" }
        if let having { sql += " HAVING \(having)" }
        var order: [String] = []
        for term in listing.order {
            guard let field = fields.first(where: { $0.name == term.field }) else {
                throw PlanError(message: "unknown field \(term.field)")
            }
            order.append(field.sql + (term.descending ? " DESC" : ""))
        }
        sql += " ORDER BY " + (order + [defaultOrder]).joined(separator: ", ")
        if let limit = listing.limit {
            sql += " LIMIT ?"
            arguments.append(.integer(limit))
        }
        return PlannedQuery(sql: sql, arguments: arguments)
    }

    private static func conditionSQL(_ condition: Condition, fields: [Catalog.Field],
                                     arguments: inout [SQLValue]) throws(PlanError) -> String {
        switch condition {
        case .and(let left, let right):
            let leftSQL = try conditionSQL(left, fields: fields, arguments: &arguments)
            let rightSQL = try conditionSQL(right, fields: fields, arguments: &arguments)
            return "(\(leftSQL) AND \(rightSQL))"
        case .or(let left, let right):
            let leftSQL = try conditionSQL(left, fields: fields, arguments: &arguments)
            let rightSQL = try conditionSQL(right, fields: fields, arguments: &arguments)
            return "(\(leftSQL) OR \(rightSQL))"
        case .not(let inner):
            return "NOT (\(try conditionSQL(inner, fields: fields, arguments: &arguments)))"
        case .comparison(let name, let op, let value):
            guard let field = fields.first(where: { $0.name == name }) else {
                throw PlanError(message: "unknown field \(name)")
            }
            return try comparisonSQL(field, op, value, arguments: &arguments)
        }
    }

    private static func comparisonSQL(_ field: Catalog.Field, _ op: Operator, _ value: Value,
                                      arguments: inout [SQLValue]) throws(PlanError) -> String {
        if field.kind == .scheme, op == .equal || op == .notEqual {
            guard case .text(let text) = value, let filter = SchemeFilter(word: text) else {
                throw PlanError(message: "\(field.name) takes delegated, work, personal or application")
            }
            arguments += filter.schemeNames.map { .text($0) }
            let marks = filter.schemeNames.map { _ in "?" }.joined(separator: ", ")
            return "\(field.sql) \(op == .equal ? "IN" : "NOT IN") (\(marks))"
        }
        let bound: SQLValue
        switch (field.kind, value) {
        case (.bool, .bool(let flag)): bound = .integer(flag ? 1 : 0)
        case (.bool, _): throw PlanError(message: "\(field.name) takes true or false")
        case (.number, .number(let number)): bound = .integer(number)
        case (.number, _): throw PlanError(message: "\(field.name) takes a whole number")
        case (_, .text(let text)): bound = .text(text)
        case (_, .number(let number)): bound = .text(String(number))
        case (_, .bool(let flag)): bound = .text(flag ? "true" : "false")
        }
        arguments.append(bound)
        switch op {
        case .like: return "\(field.sql) LIKE ?"
        case .notLike: return "\(field.sql) NOT LIKE ?"
        case .equal where field.kind == .text: return "\(field.sql) = ? COLLATE NOCASE"
        case .notEqual where field.kind == .text: return "\(field.sql) <> ? COLLATE NOCASE"
        case .notEqual: return "\(field.sql) <> ?"
        default: return "\(field.sql) \(op.rawValue) ?"
        }
    }
}
