import Dispatch
import Synchronization
import GraphPermCore

/// Messages from one thread to another, in order: `send` never waits, `receive` waits for the next message.
///
///     let queue = MessageQueue<Int>()
///     queue.send(1)     // on one thread
///     queue.receive()   // 1, on another
package final class MessageQueue<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])
    private let available = DispatchSemaphore(value: 0)

    package func send(_ message: Message) {
        messages.withLock { $0.append(message) }
        available.signal()
    }

    package func receive() -> Message {
        available.wait()
        return messages.withLock { $0.removeFirst() }
    }
}
