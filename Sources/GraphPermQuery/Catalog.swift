/// The fixed catalog of what statements may name: keywords and, per listing, its fields with the SQL
/// expression behind each. No identifier reaches SQL text from anywhere else.
package enum Catalog {
    package static let statementKeywords = [
        "least", "who", "show", "paths", "permissions", "calls", "compare", "entities", "roles", "explain",
    ]
    package static let keywords =
        statementKeywords + [
            "can", "for", "of", "where", "and", "or", "not", "order", "by", "asc", "desc", "limit", "with", "like",
            "true", "false",
        ]
    package static let methods = HTTPMethod.documented.map(\.rawValue)

    /// A field: its name, SQL expression, and kind of value.
    package struct Field: Sendable, Equatable {
        package enum Kind: Sendable { case text, number, bool, scheme }
        package let name: String
        package let sql: String
        package let kind: Kind
    }

    package static let permissionFields: [Field] = [
        Field(name: "name", sql: "p.name", kind: .text),
        Field(name: "resource", sql: "p.resource", kind: .text),
        Field(name: "operation", sql: "p.operation", kind: .text),
        Field(name: "constraint", sql: "p.name_constraint", kind: .text),
        Field(name: "scheme", sql: "s.name", kind: .scheme),
        Field(name: "id", sql: "ps.guid", kind: .text),
        Field(name: "display_name", sql: "coalesce(ps.admin_display_name, ps.user_display_name)", kind: .text),
        Field(name: "admin_consent", sql: "ps.requires_admin_consent", kind: .bool),
        Field(name: "privilege_level", sql: "ps.privilege_level", kind: .number),
        Field(name: "enabled", sql: "ps.is_enabled", kind: .bool),
        Field(name: "hidden", sql: "ps.is_hidden", kind: .bool),
        Field(
            name: "grants",
            sql: "(SELECT count(*) FROM grants g WHERE g.permission_id = p.id AND g.scheme_id = ps.scheme_id)",
            kind: .number),
        Field(
            name: "writes",
            sql:
                """
                (SELECT count(*) FROM grants g WHERE g.permission_id = p.id AND g.scheme_id = ps.scheme_id AND \
                g.method <> 'GET')
                """,
            kind: .number),
        Field(name: "tier", sql: "ps.tier", kind: .number),
        Field(name: "tier_for_user", sql: "ps.tier_for_user", kind: .number),
        Field(name: "tier_basis", sql: "ps.tier_basis", kind: .text),
    ]

    package static let pathFields: [Field] = [
        Field(name: "method", sql: "g.method", kind: .text),
        Field(name: "template", sql: "t.template", kind: .text),
        Field(name: "scheme", sql: "s.name", kind: .scheme),
        Field(name: "least", sql: "g.is_least", kind: .bool),
        Field(name: "also_requires", sql: "g.also_requires", kind: .text),
        Field(name: "source", sql: "g.source", kind: .text),
    ]

    package static let callFields: [Field] = [
        Field(name: "template", sql: "t.template", kind: .text),
        Field(name: "method", sql: "g.method", kind: .text),
        Field(name: "scheme", sql: "s.name", kind: .scheme),
        Field(name: "permissions", sql: "count(*)", kind: .number),
        Field(name: "least_markers", sql: "sum(g.is_least)", kind: .number),
    ]
}
