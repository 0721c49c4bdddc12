import Foundation
import GraphPermCore
import GraphPermKit
import GraphPermStore

/// Risk tiers on the pages: a permission's tier per scheme with its reason, and a tier badge next to each permission
/// named in a least-privilege list.
extension Explorer {
    /// A badge `T0`, `T2`, or `T0/T1` (delegated: when an admin signs in / when a user signs in); empty for no tier.
    static func tierBadge(_ mark: TierMark?) -> String {
        guard let mark else { return "" }
        let title = mark.tier == mark.tierForUser
            ? "risk tier \(mark.tier)"
            : "risk tier \(mark.tier) when an admin signs in, "
                + "\(mark.tierForUser) when a user without an admin role does"
        return " <span class=\"tier t\(mark.tier)\" title=\"\(HTML.escape(title))\">\(HTML.escape(mark.label))</span>"
    }

    /// The tier of a permission, or of a pair `A and B` (the more dangerous of the two), in `scheme`.
    func tierMark(_ label: String, scheme: Scheme) -> TierMark? {
        let marks = Self.pairMembers(label).map { name in
            (try? kb.permissionFacts(name, scheme: scheme))?.tier ?? ShippedTiers.tier(of: name, scheme: scheme)?.mark
        }
        return marks.compactMap { $0 }.min { $0.tier < $1.tier }
    }

    /// `A and B` → [A, B]; a single name → [name].
    static func pairMembers(_ label: String) -> [String] {
        label.components(separatedBy: " and ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A requirement's label with each permission linked to its page (`A and B` links both).
    static func linkedRequirement(_ label: String) -> String {
        pairMembers(label).map { HTML.link(HTML.permissionPath($0), $0) }.joined(separator: " and ")
    }

    /// `Mail.Read, Mail.ReadWrite` (a docs table cell) with each name linked and its tier in `scheme` beside it.
    func tieredNames(_ list: String, scheme: Scheme?) -> String {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { label in
                Self.linkedRequirement(label) + (scheme.map { Self.tierBadge(tierMark(label, scheme: $0)) } ?? "")
            }.joined(separator: ", ")
    }

    /// A scheme from its documentation label (`Application`, `Delegated (work or school account)`).
    static func scheme(docsLabel: String) -> Scheme? { Scheme.allCases.first { $0.docsLabel == docsLabel } }

    /// The permission page's tier section: per scheme the tier (for delegated, when an admin and when a user signs
    /// in), where it comes from and why; for Tier 0, the outcome, the attack path and the preconditions it needs.
    func tierMarkup(_ card: PermissionCard) -> String {
        let entries = card.entries.filter { $0.tier != nil }
        guard !entries.isEmpty else { return "" }
        var out = "<h2 id=\"tier\">Risk tier</h2>"
        out += HTML.table(
            ["Permission type", "Tier", "When an admin signs in", "When a user signs in", "Basis", "Reason"],
            entries.map { entry in
                let tier = entry.tier!
                let delegated = entry.scheme != .application
                let basis = tier.basis == .rule ? "rule \(tier.source)" : tier.basis.rawValue
                return [entry.scheme.docsLabel, tier.label, delegated ? "T\(tier.tier)" : "",
                        delegated ? "T\(tier.tierForUser)" : "", basis, tier.reason]
            }
        ) { column, value in
            column == "Tier" ? "<span class=\"tier t\(value.dropFirst().prefix(1))\">\(HTML.escape(value))</span>"
                : HTML.escape(value)
        }
        let rules = try? ShippedTiers.rules()
        // One block per distinct attack path, naming the permission types it applies to.
        func key(_ tier: PermissionTier) -> String {
            [tier.impact ?? "", tier.attackPath ?? "", tier.preconditions.joined(separator: ",")]
                .joined(separator: "\u{0}")
        }
        let tierZero = entries.filter { $0.tier!.tier == 0 }
        var shown: Set<String> = []
        for entry in tierZero {
            let tier = entry.tier!
            guard shown.insert(key(tier)).inserted else { continue }
            let schemes = tierZero.filter { key($0.tier!) == key(tier) }.map(\.scheme.docsLabel)
                .joined(separator: "; ")
            out += "<div class=\"tier0\"><h3>Tier 0 (\(HTML.escape(schemes)))</h3><dl>"
            if let impact = tier.impact {
                let meaning = rules?.impacts.first { $0.key == impact }?.text
                out += "<dt>Outcome</dt><dd>\(HTML.escape(impact))"
                    + (meaning.map { ": " + HTML.escape($0) } ?? "") + "</dd>"
            }
            if let path = tier.attackPath { out += "<dt>Attack path</dt><dd>\(HTML.escape(path))</dd>" }
            out += "<dt>Preconditions</dt><dd>"
            if tier.preconditions.isEmpty {
                out += "none: the path works in any tenant"
            } else {
                out += "<ul>" + tier.preconditions.map { key in
                    let meaning = rules?.preconditions.first { $0.key == key }?.text
                    return "<li><code>\(HTML.escape(key))</code>" + (meaning.map { ": " + HTML.escape($0) } ?? "")
                        + "</li>"
                }.joined() + "</ul>"
            }
            out += "</dd></dl></div>"
        }
        out += "<p class=\"small\">What the tiers mean: \(HTML.link("/reference/tiers", "the tier reference")).</p>"
        return out
    }
}
