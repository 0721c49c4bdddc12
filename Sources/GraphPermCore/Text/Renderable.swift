/// An answer as the output formats show it: JSON always, and the rows, markdown document or prose it has. Every
/// command prints its answer through `rendered(_:)`, so a format an answer has no form for is refused in one place
/// (the command line's usage error), never ignored.
///
///     answer.rendered(.csv)   // the rows as CSV, or nil for an answer without rows
///     answer.formats          // [.table, .json, .md, .csv] for a least answer
public protocol Renderable {
    /// The answer as one JSON document, without a trailing new line.
    var json: String { get }
    /// The answer's rows, for `table`, `csv` and `md`; nil when it has none.
    var tableForm: TabularText? { get }
    /// A markdown document, where `md` says more than the rows (headings, several tables); nil to render the rows.
    var markdownForm: String? { get }
    /// Sentences for a terminal, where the answer reads better as prose than as rows (`table`); nil for the rows.
    var proseForm: String? { get }
}

extension Renderable {
    /// No rows, unless the answer has them.
    public var tableForm: TabularText? { nil }
    /// No markdown document of its own: `md` renders the rows.
    public var markdownForm: String? { nil }
    /// No prose: `table` renders the rows.
    public var proseForm: String? { nil }

    /// The answer in `format`; nil when it has no such form.
    public func rendered(_ format: OutputFormat) -> String? {
        switch format {
        case .json: json + "\n"
        case .table: proseForm ?? tableForm?.render(.table)
        case .csv: tableForm?.render(.csv)
        case .md: markdownForm ?? tableForm?.render(.md)
        }
    }

    /// The formats the answer has, in `OutputFormat` order.
    public var formats: [OutputFormat] {
        OutputFormat.allCases.filter { format in
            switch format {
            case .json: true
            case .table: proseForm != nil || tableForm != nil
            case .csv: tableForm != nil
            case .md: markdownForm != nil || tableForm != nil
            }
        }
    }

    /// The answer in `format`, for callers whose format every answer has (`json`, and `table` for answers with rows);
    /// JSON where the answer has no such form.
    public func render(_ format: OutputFormat) -> String { rendered(format) ?? json + "\n" }
}
