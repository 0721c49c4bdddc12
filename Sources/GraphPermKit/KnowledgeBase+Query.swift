import GraphPermQuery
import GraphPermCore
import GraphPermStore

/// What a statement of the query language produced.
public enum QueryOutput: Sendable, Renderable {
    case table(TabularText)
    case least(LeastAnswer)
    case shown(ShowResult)

    /// The answer the statement produced.
    public var answer: any Renderable {
        switch self {
        case .table(let table): table
        case .least(let answer): answer
        case .shown(let result): result
        }
    }

    /// The answer as one JSON document.
    public var json: String { answer.json }
    /// The answer's rows; nil when it has none.
    public var tableForm: TabularText? { answer.tableForm }
    /// The answer's markdown document; nil to render the rows.
    public var markdownForm: String? { answer.markdownForm }
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
                    let tier = Self.tierLabel(entry.tiers, at: rank)
                    rows.append([
                        scheme.rawValue, String(rank + 1), permission, rank < entry.least.count ? "least" : "higher",
                        tier,
                    ])
                }
            }
            return .table(TabularText(columns: ["scheme", "rank", "permission", "privilege", "tier"], rows: rows))
        case .show(let name):
            return .shown(try show(name))
        case .explain(let inner):
            return .table(explain(inner))
        default:
            let plan: PlannedQuery
            do {
                guard let planned = try Planner.plan(statement) else {
                    return .table(TabularText(columns: [], rows: []))
                }
                plan = planned
            } catch {
                throw KnowledgeBaseError.query(sql: Printer.print(statement), detail: error.message)
            }
            return .table(try execute(plan))
        }
    }

    /// The SQL a statement runs, with its arguments.
    package func explain(_ statement: GraphPermQuery.Statement) -> TabularText {
        let columns = ["step", "sql", "arguments"]
        switch statement {
        case .least(_, let target, _), .whoCan(_, let target, _):
            return TabularText(columns: columns, rows: [
                ["match", KnowledgeStore.lookupStatements.match, "the first segment of \(target)"],
                ["grants", KnowledgeStore.lookupStatements.grants, "each matched template id"],
            ])
        case .show:
            return TabularText(
                columns: columns, rows: [["card", KnowledgeStore.permissionCardStatement, "the permission id"]])
        case .explain(let inner):
            return explain(inner)
        default:
            guard let plan = try? Planner.plan(statement) else { return TabularText(columns: columns, rows: []) }
            return TabularText(
                columns: columns,
                rows: [["query", plan.sql, plan.arguments.map { $0.description }.joined(separator: ", ")]])
        }
    }

    /// The compact tier of the permission at `rank`, or "" when the answer has none.
    private static func tierLabel(_ tiers: [TierMark?], at rank: Int) -> String {
        guard rank < tiers.count, let mark = tiers[rank] else { return "" }
        return mark.label
    }

    private static func schemes(_ filter: SchemeFilter?) -> Set<Scheme>? {
        filter.map { Set($0.schemeNames.compactMap(Scheme.init(rawValue:))) }
    }

    /// Runs a planned query (arguments bound, never spliced into the text).
    public func execute(_ plan: PlannedQuery) throws(KnowledgeBaseError) -> TabularText { try store.execute(plan) }
}
