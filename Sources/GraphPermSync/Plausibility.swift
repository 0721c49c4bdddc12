import GraphPermKit

/// Whether a new knowledge base is believable next to the current one: it may not lose most of its
/// permissions or grants (a mirror serving near-empty files would otherwise wipe the knowledge base).
///
///     Plausibility.problem(old: ["permissions": 1200, "grants": 32000], new: ["permissions": 40, "grants": 900])
///     // "the new data has 40 permissions (the knowledge base has 1200) and 900 grants (32000): ..."
enum Plausibility {
    /// The new count may not fall below this share of the old one.
    static let minimumShare = 0.5

    static func problem(old: [String: Int], new: [String: Int]) -> String? {
        let names = ["permissions", "grants"]
        let dropped = names.filter { name in
            guard let before = old[name], let after = new[name], before > 0 else { return false }
            return Double(after) < Double(before) * minimumShare
        }
        guard !dropped.isEmpty else { return nil }
        let counts = names.map { "\(new[$0] ?? 0) \($0) (the knowledge base has \(old[$0] ?? 0))" }
        return "the new data has \(counts.joined(separator: " and ")): refusing to lose more than half of the "
            + dropped.joined(separator: " or ") + "; use --force to accept it"
    }

    /// The counts `problem` compares, or nil when the file is not a knowledge base this build reads.
    static func counts(_ path: String) -> [String: Int]? {
        guard let statistics = try? KnowledgeBase.open(path: path).statistics() else { return nil }
        return Dictionary(statistics.counts, uniquingKeysWith: { first, _ in first })
    }
}
