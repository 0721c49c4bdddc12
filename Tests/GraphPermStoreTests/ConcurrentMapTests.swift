import Synchronization
import Testing
@testable import GraphPermStore

/// A map run on all cores: the results in the elements' order, each element transformed exactly once.
struct ConcurrentMapTests {
    @Test func theResultsComeInTheElementsOrder() {
        #expect([3, 1, 2].concurrentMap { $0 * 10 } == [30, 10, 20])
        let words = (0..<1_000).map { "word\($0)" }
        #expect(words.concurrentMap { $0.uppercased() } == words.map { $0.uppercased() })
    }

    @Test func anEmptyArrayGivesAnEmptyArrayWithoutCallingTheTransform() {
        let calls = Atomic<Int>(0)
        let results = [Int]().concurrentMap { number -> Int in
            calls.add(1, ordering: .relaxed)
            return number
        }
        #expect(results.isEmpty && calls.load(ordering: .relaxed) == 0)
    }

    @Test func everyElementIsTransformedExactlyOnce() {
        let seen = Mutex<[Int]>([])
        let results = Array(0..<5_000).concurrentMap { number -> String in
            seen.withLock { $0.append(number) }
            return String(number, radix: 16)
        }
        #expect(seen.withLock { $0.sorted() } == Array(0..<5_000))
        #expect(results == (0..<5_000).map { String($0, radix: 16) })
    }

    @Test func resultsMayBeOptionalAndNilStaysInPlace() {
        let results = ["1", "x", "3"].concurrentMap { Int($0) }
        #expect(results == [1, nil, 3])
    }
}
