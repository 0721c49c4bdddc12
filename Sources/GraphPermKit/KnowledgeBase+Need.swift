import GraphPermCore
import GraphPermStore

extension KnowledgeBase {
    /// The least-privileged permission sets for `calls`, per scheme.
    public func need(_ calls: [AppCalls.Call], schemes: [Scheme] = Scheme.allCases) throws -> NeedAnalysis {
        var answered: [(call: AppCalls.Call, answer: LeastAnswer)] = []
        var unknown: [(AppCalls.Call, String)] = []
        var otherHosts: [(AppCalls.Call, String)] = []
        for call in calls.uniqued() {
            do {
                answered.append((call, try least(method: call.method, target: call.url)))
            } catch let error as LookupError {
                if case .notGraph = error {
                    otherHosts.append((call, "\(error)"))
                } else {
                    unknown.append((call, "\(error)"))
                }
            }
        }
        let results = schemes.map { scheme in NeedPlanner(scheme: scheme, answered: answered).plan() }
        return NeedAnalysis(schemes: results, unknown: unknown, otherHosts: otherHosts)
    }
}
