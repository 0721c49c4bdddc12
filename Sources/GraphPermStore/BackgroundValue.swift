import GraphPermPlatform
import Dispatch

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
        startThread {
            self.result = compute()
            self.done.leave()
        }
    }

    package var value: Value {
        done.wait()
        return result!
    }
}

/// Drops the last reference to `value` on a thread of its own, so that freeing a large structure never delays the
/// caller (the process's scheduling is the application's to choose, not this library's).
package func releaseWhenIdle<Value: Sendable>(_ value: consuming Value) {
    // The caller hands its reference over (`consuming`), the holder takes it, and the thread empties the holder: the
    // last reference is dropped there, whichever of the two threads lets go of the holder itself last.
    let holder = ReleaseHolder(value)
    startThread { holder.value = nil }
}

/// The one reference `releaseWhenIdle` drops on its thread.
private final class ReleaseHolder<Value: Sendable>: @unchecked Sendable {
    var value: Value?
    init(_ value: consuming Value) { self.value = value }
}

/// Runs `body` on a new thread of its own (detached: nobody joins it).
package func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let box = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let started = pthread_create(&thread, nil, { context in
        let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
        box.body()
        return nil
    }, box)
    guard started == 0 else {
        // No thread to be had (a resource limit): run it here rather than never.
        Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
        return
    }
    pthread_detach(thread)
}
