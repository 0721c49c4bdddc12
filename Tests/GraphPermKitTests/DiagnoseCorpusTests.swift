import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// 112 real 401/403 situations from public reports (`Fixtures/diagnose-reports.jsonl`: GitHub issues of Graph SDKs
/// and tools, Microsoft Q&A, Microsoft's troubleshooting articles; the request, the claims as far as the report
/// shows them, the error body, the cause the thread settled on, and a link). First-cause accuracy: the first cause
/// of the diagnosis is the settled one, or one the report's facts make equally likely (`alsoAcceptable`). The claims
/// are partial (what the report shows): a claim the report does not show is unknown, not absent.
@Suite(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct DiagnoseCorpusTests {
    struct Report {
        let id: String
        let method: String
        let url: String
        let claims: JSONObject
        let status: Int?
        let errorBody: String?
        let at: Date?
        let accepted: Set<String>
    }

    static let reports: [Report] = {
        JSONLinesFixture.objects("diagnose-reports.jsonl").compactMap { root in
            guard case .string(let id)? = root["id"], case .object(let request)? = root["request"],
                case .string(let method)? = request["method"], case .string(let url)? = request["url"],
                case .object(let claims)? = root["claims"], case .string(let cause)? = root["cause"]
            else { return nil }
            var accepted: Set<String> = [cause]
            if case .array(let others)? = root["alsoAcceptable"] {
                for case .string(let other) in others { accepted.insert(other) }
            }
            let status: Int? = if case .number(let number)? = root["status"] { Int(number) } else { nil }
            let body: String? = root["errorBody"].flatMap { $0 == .null ? nil : JSONValueText.render($0) }
            let at: Date? =
                if case .string(let time)? = root["at"] { ISO8601DateFormatter().date(from: time) } else { nil }
            return Report(
                id: id, method: method, url: url, claims: claims, status: status, errorBody: body, at: at,
                accepted: accepted)
        }
    }()

    @Test func firstCauseAccuracyOnRealReports() throws {
        let diagnoser = Diagnoser(kb: SnapshotData.knowledgeBase)
        #expect(Self.reports.count >= 100)
        var right = 0
        var misses: [String] = []
        for report in Self.reports {
            let diagnosis = try diagnoser.diagnose(
                method: report.method, url: report.url, claims: TokenClaims(payload: report.claims, isPartial: true),
                at: report.at ?? Date(timeIntervalSince1970: 1_000_000_000),
                status: report.status, errorBody: report.errorBody.map(ErrorBody.init(text:)))
            let first = diagnosis.causes.first?.code.rawValue ?? "none (\(diagnosis.verdict.rawValue))"
            if report.accepted.contains(first) {
                right += 1
            } else {
                misses.append(
                    "\(report.id): first \(first), settled \(report.accepted.sorted().joined(separator: "|"))")
            }
        }
        let accuracy = Double(right) / Double(Self.reports.count)
        print(
            "diagnose first-cause accuracy: \(right)/\(Self.reports.count) = \(String(format: "%.1f", accuracy * 100))%"
        )
        for miss in misses { print("  miss: \(miss)") }
        #expect(accuracy >= 0.9)
    }
}
