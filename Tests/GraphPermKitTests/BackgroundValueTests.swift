import Foundation
import Testing
@testable import GraphPermKit

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
        final class Probe: @unchecked Sendable {
            let freed: DispatchSemaphore
            init(_ freed: DispatchSemaphore) { self.freed = freed }
            deinit { freed.signal() }
        }
        let freed = DispatchSemaphore(value: 0)
        releaseWhenIdle(Probe(freed))
        #expect(freed.wait(timeout: .now() + 10) == .success)
    }
}
