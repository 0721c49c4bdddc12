import GRDB
import GraphPermQuery

/// What a statement of the query language produced.
public enum QueryOutput: Sendable {
    case table(TabularText)
    case least(LeastAnswer)
    case shown(ShowResult)

    /// The output in `format` (the shared output path).
    public func render(_ format: OutputFormat) -> String {
        switch self {
        case .table(let table): table.render(format)
        case .least(let answer): answer.render(format)
        case .shown(let result): result.render(format)
        }
    }
}

extension KnowledgeBase {
    /// Runs one statement. `least` and `who can` use the same engine as `graphperm least`.
    public func run(_ statement: GraphPermQuery.Statement) throws -> QueryOutput {
        switch statement {
        case .least(let method, let target, let filter):
            return .least(try least(method: method, target: target, schemes: Self.schemes(filter)))
        case .whoCan(let method, let target, let filter):
            let answer = try least(method: method, target: target, schemes: Self.schemes(filter))
            var rows: [[String]] = []
            for (scheme, entry) in answer.schemes {
                guard let entry else { continue }
                for (rank, permission) in (entry.least + entry.higher).enumerated() {
                    rows.append([scheme.rawValue, String(rank + 1), permission, rank < entry.least.count ? "least" : "higher"])
                }
            }
            return .table(TabularText(columns: ["scheme", "rank", "permission", "privilege"], rows: rows))
        case .show(let name):
            return .shown(try show(name))
        case .explain(let inner):
            return .table(explain(inner))
        default:
            let plan: PlannedQuery
            do {
                guard let planned = try Planner.plan(statement) else { return .table(TabularText(columns: [], rows: [])) }
                plan = planned
            } catch let error as Planner.PlanError {
                throw KnowledgeBaseError.query(sql: Printer.print(statement), detail: error.message)
            }
            return .table(try execute(plan))
        }
    }

    /// The SQL a statement runs, with its arguments.
    public func explain(_ statement: GraphPermQuery.Statement) -> TabularText {
        let columns = ["step", "sql", "arguments"]
        switch statement {
        case .least(_, let target, _), .whoCan(_, let target, _):
            return TabularText(columns: columns, rows: [
                ["match", Self.candidateScanSQL, "the first segment of \(target)"],
                ["grants", Self.templateGrantsSQL, "each matched template id"],
            ])
        case .show:
            return TabularText(columns: columns, rows: [["card", Self.cardSQL, "the permission id"]])
        case .explain(let inner):
            return explain(inner)
        default:
            guard let plan = try? Planner.plan(statement) else { return TabularText(columns: columns, rows: []) }
            return TabularText(columns: columns, rows: [["query", plan.sql, plan.arguments.map { $0.description }.joined(separator: ", ")]])
        }
    }

    private static func schemes(_ filter: SchemeFilter?) -> Set<Scheme>? {
        filter.map { Set($0.schemeNames.compactMap(Scheme.init(rawValue:))) }
    }

    /// Runs a planned query (arguments bound, never spliced into the text).
    public func execute(_ plan: PlannedQuery) throws(KnowledgeBaseError) -> TabularText {
        try read(plan.sql) { db, sql in
            let arguments = StatementArguments(plan.arguments.map { value -> DatabaseValueConvertible in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                }
            })
            let statement = try db.cachedStatement(sql: sql)
            return TabularText(columns: statement.columnNames, rows: try Row.fetchAll(statement, arguments: arguments).map(Self.cells))
        }
    }

    /// A row's values as text (NULL as empty).
    static func cells(_ row: Row) -> [String] {
        (0..<row.count).map { index in
            switch (row[index] as DatabaseValue).storage {
            case .null: ""
            case .int64(let number): String(number)
            case .double(let number): String(number)
            case .string(let text): text
            case .blob(let data): "<\(data.count) bytes>"
            }
        }
    }
}
