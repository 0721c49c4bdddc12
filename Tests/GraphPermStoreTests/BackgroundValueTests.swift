import Foundation
import Testing
@testable import GraphPermStore

struct BackgroundValueTests {
    @Test func computesOnAnotherThreadWhileTheCallerGoesOn() {
        let caller = pthread_self()
        let started = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let value = BackgroundValue { () -> (sum: Int, sameThread: Bool) in
            started.signal()
            proceed.wait()
            return ((1...1_000).reduce(0, +), pthread_equal(pthread_self(), caller) != 0)
        }
        // The work has begun and waits for the caller: it cannot be running on the caller's thread.
        started.wait()
        proceed.signal()
        #expect(value.value.sum == 500_500)
        #expect(!value.value.sameThread)
    }

    @Test func releaseWhenIdleFreesTheValueOnAnotherThread() {
        /// Where the probe was freed: written by its deinit before `done` is signalled, read after the wait.
        final class Report: @unchecked Sendable {
            let done = DispatchSemaphore(value: 0)
            var freedOnCaller = true
        }
        final class Probe: @unchecked Sendable {
            let report: Report
            let caller = pthread_self()
            init(_ report: Report) { self.report = report }
            deinit {
                report.freedOnCaller = pthread_equal(pthread_self(), caller) != 0
                report.done.signal()
            }
        }
        let report = Report()
        releaseWhenIdle(Probe(report))
        #expect(report.done.wait(timeout: .now() + 10) == .success)
        #expect(!report.freedOnCaller)
    }
}
