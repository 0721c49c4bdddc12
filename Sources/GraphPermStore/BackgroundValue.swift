import Dispatch
import Foundation
import GraphPermCore

/// A value computed on a thread of its own while the caller goes on with other work; `value` waits for it.
/// (A thread of its own, not a dispatch worker: the work may wait for the caller, and must not hold back the
/// workers the caller's `concurrentMap` runs on.)
///
///     let digest = BackgroundValue { FileDigest.hex(bytes) }
///     ...                       // meanwhile, other work
///     digest.value              // "ba7816bf..."
package final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    // Written once by the background work before `done` is left; read only after waiting on `done`.
    private var result: Value?

    package init(_ compute: @escaping @Sendable () -> Value) {
        done.enter()
        Thread {
            self.result = compute()
            self.done.leave()
        }.start()
    }

    package var value: Value {
        done.wait()
        return result!
    }
}

/// Drops the last reference to `value` on a thread of its own, so that freeing a large structure never delays the
/// caller (the process's scheduling is the application's to choose, not this library's).
package func releaseWhenIdle<Value: Sendable>(_ value: Value) {
    Thread {
        withExtendedLifetime(value) {}
    }.start()
}
