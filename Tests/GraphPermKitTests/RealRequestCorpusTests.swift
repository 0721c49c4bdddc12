import Foundation
import Testing

@testable import GraphPermKit
@testable import GraphPermJSON
@testable import GraphPermCore
@testable import GraphPermStore

/// 772 requests copied from the code of five public projects that call Microsoft Graph
/// (`Fixtures/real-requests.jsonl`: method, URL, repository, file, commit, line; ids replaced by realistic values).
@Suite(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct RealRequestCorpusTests {
    struct Request {
        let method: String
        let url: String
        let source: String
    }

    static let corpus: [Request] = JSONLinesFixture.objects("real-requests.jsonl").map { object in
        guard case .string(let method)? = object["method"], case .string(let url)? = object["url"],
            case .string(let repo)? = object["repo"], case .string(let path)? = object["path"]
        else {
            return Request(method: "?", url: "", source: "unreadable line")
        }
        return Request(method: method, url: url, source: "\(repo)/\(path)")
    }

    /// OData and function segments, written here without the matcher's code: `$count`, `$ref`, `$value`, a
    /// namespace-qualified name, a call with arguments.
    static func isODataSegment(_ segment: Substring) -> Bool {
        segment.hasPrefix("$") || segment.lowercased().hasPrefix("microsoft.graph.")
            || segment.range(of: #"^[A-Za-z][A-Za-z0-9_.]*\(.*=.*\)$"#, options: .regularExpression) != nil
    }

    @Test func everyRequestGetsAnAnswerOrATruthfulRefusal() throws {
        let kb = SnapshotData.knowledgeBase
        var counts: [String: Int] = [:]
        var untruthful: [String] = []
        var wrongShape: [String] = []
        var undocumented: [String] = []
        #expect(Self.corpus.count >= 500)
        #expect(Set(Self.corpus.map { $0.source.split(separator: "/").prefix(2).joined(separator: "/") }).count >= 4)
        for request in Self.corpus {
            do {
                let answer = try kb.least(method: request.method, target: request.url)
                counts[answer.basis.rawValue, default: 0] += 1
                // A request never lands on a template that reads an OData segment as an ID.
                if let template = answer.template,
                    answer.notes.allSatisfy({ !$0.contains(" is ") && !$0.contains("$") })
                {
                    let path = RequestPath(request.url).segments.map(\.normalized)
                    let parts = template.split(separator: "?")[0].split(separator: "/")
                    for (segment, part) in zip(path, parts)
                    where Self.isODataSegment(Substring(segment)) && part.hasPrefix("{") {
                        wrongShape.append("\(request.method) \(request.url) → \(template)")
                    }
                }
            } catch let error as LookupError {
                switch error {
                case .notGraph: counts["refused: not Microsoft Graph", default: 0] += 1
                case .undocumentedPath, .unsupportedMethod:
                    counts["refused: undocumented", default: 0] += 1
                    undocumented.append("\(request.method) \(request.url): \(error)")
                case .badMethod: counts["refused: not a Graph method", default: 0] += 1
                default: untruthful.append("\(request.method) \(request.url) (\(request.source)): \(error)")
                }
            } catch {
                untruthful.append("\(request.method) \(request.url) (\(request.source)): \(error)")
            }
        }
        print(
            "real-request corpus: \(Self.corpus.count) requests; "
                + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        for line in undocumented { print("  undocumented: \(line)") }
        #expect(untruthful.isEmpty, "\(untruthful)")
        #expect(wrongShape.isEmpty, "\(wrongShape)")
    }
}

/// `need` over 200 real calls: every permission of each set is least privileged (documented or recommended) for a
/// call it grants, partners aside, and the set is proven minimal.
@Suite(.enabled(if: SnapshotData.isAvailable, SnapshotData.skipMessage))
struct NeedOnRealCallsTests {
    @Test func everyChosenPermissionIsLeastForACallItGrants() throws {
        let kb = SnapshotData.knowledgeBase
        var calls: [AppCalls.Call] = []
        for request in RealRequestCorpusTests.corpus where calls.count < 200 {
            let call = AppCalls.Call(method: request.method, url: request.url)
            guard !calls.contains(call), (try? kb.least(method: call.method, target: call.url)) != nil else { continue }
            calls.append(call)
        }
        #expect(calls.count == 200)
        let started = Date()
        let analysis = try kb.need(calls)
        let seconds = Date().timeIntervalSince(started)
        for result in analysis.schemes {
            var leastForNone: [String] = []
            for permission in result.permissions where !result.partners.contains(where: { $0.permission == permission })
            {
                let justified = result.calls.contains { call in
                    guard call.grantedBy == permission,
                        let answer = try? kb.least(method: call.method, target: call.url),
                        let row = answer[result.scheme]
                    else { return false }
                    return row.least.map { $0.components(separatedBy: " and ")[0] }.contains(permission)
                        || row.recommended == permission
                }
                if !justified { leastForNone.append(permission) }
            }
            print(
                "need on 200 real calls, \(result.scheme.rawValue): \(result.permissions.count) permissions"
                    + " for \(result.calls.count) calls,"
                    + " least for none of their calls: \(leastForNone.count), proven minimal: \(result.isProvenMinimal)"
            )
            #expect(leastForNone.isEmpty, "\(result.scheme.rawValue): \(leastForNone)")
            #expect(result.isProvenMinimal)
        }
        print(
            "need on 200 real calls: \(String(format: "%.3f", seconds)) s"
                + " (debug build, answers cached by the corpus test or not)"
        )
    }
}
