import GraphPermPlatform
import ArgumentParser
import GraphPermKit

/// The formats of `diff` and `changes`: JSON for scripts (the default), a Markdown changelog, an Atom feed. A
/// diff has no table shape (its kinds have different fields), so `table` and `csv` are refused with a usage error.
package enum DiffFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    case json, md, atom, table, csv

    public var defaultValueDescription: String { rawValue }
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }  // each value is its own description
}

/// Options `diff` and `changes` share.
package struct DiffOptions: ParsableArguments {
    package init() {}

    @Option(
        name: .long, help: "Output format: json (default), md (a changelog) or atom (a feed).",
        completion: .list(["json", "md", "atom"]))
    package var format: DiffFormat = .json

    @Option(
        name: .long, help: "A file of your app's calls (as `graphperm need` reads): which now need another permission.")
    package var calls: String?

    @Option(
        name: .long,
        help: "A tenant export folder (as `audit --tenant` reads): which apps' grants the changes touch.")
    package var tenant: String?

    package func validate() throws {
        if format == .table || format == .csv {
            throw ValidationError("a diff has no table shape: use --format json, md or atom, not \(format.rawValue)")
        }
    }

    /// Compares `old` with `new` and prints the diff (and the impact on `--calls`) in the chosen format.
    package func print(old: DiffSide, new: DiffSide) throws {
        if old.kinds != new.kinds {
            Console.note(
                "note: \(old.label) was loaded from \(old.kinds.joined(separator: ", ")) and \(new.label) from "
                    + "\(new.kinds.joined(separator: ", ")): names and IDs that only one side's files carry show as "
                    + "changes")
        }
        let callList = try calls.map { path in try AppCalls.read(path) }
        let export = try tenant.map { folder throws in try TenantExport.read(folder: folder) }
        let diff = try KnowledgeBase.diff(old: old.kb, new: new.kb)
        if export != nil, diff.tiersChanged == nil {
            Console.note("note: one side has no risk tiers, so --tenant cannot say whose tiers rose")
        }
        let impact = callList.map { KnowledgeBase.impact(of: $0, old: old.kb, new: new.kb) }
        let apps = export.map { TenantImpact(export: $0, diff: diff) }
        let changelog = { DiffChangelog(diff) }
        switch format {
        case .json, .table, .csv:
            var extra: [(String, String)] = []
            if let impact { extra.append(("impact", CallImpact.json(impact))) }
            if let apps { extra.append(("tenant", apps.json)) }
            Console.output(diff.json(extra: extra))
        case .md:
            Console.output(
                changelog().markdown(old: old.label, new: new.label) + (impact.map(CallImpact.markdown) ?? "")
                    + (apps?.markdown ?? ""))
        case .atom:
            let id = "urn:graphperm:diff:" + Self.shortDigest(old.fingerprint) + ":" + Self.shortDigest(new.fingerprint)
            Console.output(changelog().atom(id: id, old: old.label, new: new.label, updated: new.date))
        }
    }

    /// The first 16 hex digits of each digest of a fingerprint, joined by `+`.
    static func shortDigest(_ fingerprint: String) -> String {
        fingerprint.split(separator: "+").map { String($0.prefix(16)) }.joined(separator: "+")
    }
}
