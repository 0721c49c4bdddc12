import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// `least` against an independent re-statement of Microsoft's rules in the docs generator's lenient mode
/// (`Scripts/kibali_least.py`, which reads Microsoft's permissions document and shares no code with graphperm):
/// every (resource, method, scheme) triple, asked through a concrete URL of each of the resource's spellings.
@Suite(.enabled(if: SnapshotData.isAvailable && Python.path != nil, "needs ../shared/graph-data and python3"))
struct OracleAgreementTests {
    struct Triple {
        let templates: [String]
        let method: String
        let scheme: Scheme
        let least: [String]
    }

    /// The oracle's answers, one per (resource, method, scheme).
    static let triples: [Triple] = {
        let text = try! Python.run("kibali_least.py", [SnapshotData.directory + "/permissions.json"]).output
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let scheme = Scheme(rawValue: fields[3]) else { return nil }
            return Triple(
                templates: fields[1].components(separatedBy: " ; "), method: fields[2], scheme: scheme,
                least: fields[4].isEmpty ? [] : fields[4].components(separatedBy: ","))
        }
    }()

    /// The snapshot with its full matcher built and every grant read, as a long batch has them (thousands of
    /// one-shot lookups, each building a matcher of its own, would take minutes in a debug build).
    static func preparedKnowledgeBase() throws -> KnowledgeBase {
        let kb = SnapshotData.knowledgeBase
        _ = try kb.matcher()
        try kb.preloadGrants()
        return kb
    }

    @Test func leastZeroAgreesWithTheIndependentRules() throws {
        let kb = try Self.preparedKnowledgeBase()
        var random = SeededGenerator(state: 7)
        var asked = 0
        var agreed = 0
        var byDesign: [String] = []
        var noMarker = 0
        var disagreements: [String] = []
        for triple in Self.triples {
            guard let microsoft = triple.least.first else {
                noMarker += 1
                continue
            }
            for template in triple.templates {
                asked += 1
                let url = ConcreteURL.make(from: template, using: &random)
                let ours = try? kb.least(method: triple.method, target: url, scheme: triple.scheme)[triple.scheme]?
                    .least.first
                if ours == microsoft {
                    agreed += 1
                } else if triple.scheme == .application, RequestPath(template).normalized.first == "me", ours == nil {
                    byDesign.append("\(triple.method) \(template)")
                } else {
                    disagreements.append(
                        "\(triple.method) \(template) \(triple.scheme.rawValue) via \(url):"
                            + " Microsoft \(microsoft), graphperm \(ours ?? "none")"
                    )
                }
            }
        }
        let compared = asked - byDesign.count
        let agreement = Double(agreed) / Double(compared)
        print(
            "least[0] agreement with kibali_least.py: \(agreed)/\(compared)"
                + " = \(String(format: "%.3f", agreement * 100))%;"
                + " \(byDesign.count) Application answers on /me refused by design;"
                + " \(noMarker) triples with no least marker"
        )
        for line in disagreements.prefix(40) { print("  disagreement: \(line)") }
        #expect(Self.triples.count > 20_000)
        #expect(agreement >= 0.999)
    }

    /// Every template and method gives byte-identical answers through a lower-case, an upper-case and a
    /// mixed-case spelling of one concrete URL.
    @Test func answersDoNotDependOnLetterCase() throws {
        let kb = try Self.preparedKnowledgeBase()
        var random = SeededGenerator(state: 3)
        var checked = 0
        var differences: [String] = []
        var seen = Set<String>()
        for triple in Self.triples {
            for template in triple.templates where seen.insert(triple.method + " " + template).inserted {
                let url = ConcreteURL.make(from: template, using: &random)
                let mixed = String(
                    url.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })
                let answers = [url.lowercased(), url.uppercased(), mixed].map { spelling in
                    (try? kb.least(method: triple.method, target: spelling))?.with(url: "").json ?? "no answer"
                }
                checked += 1
                if Set(answers).count != 1 { differences.append("\(triple.method) \(url)") }
            }
        }
        print("letter-case invariance: \(checked - differences.count)/\(checked) (template, method) pairs identical")
        #expect(checked > 10_000)
        #expect(differences.isEmpty, "\(differences.count) differ, e.g. \(differences.prefix(5))")
    }
}

