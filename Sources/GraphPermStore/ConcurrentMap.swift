import Dispatch
import GraphPermCore

extension Array where Element: Sendable {
    /// `transform` applied to every element on all processor cores, the results in the elements' order.
    ///
    ///     [3, 1, 2].concurrentMap { $0 * 10 }  // [30, 10, 20]
    package func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes its own element only.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: count) { index in buffer[index] = transform(self[index]) }
        }
        return results.map { $0! }
    }
}
