import Foundation
import Synchronization
import Testing
@testable import GraphPermStore

/// Messages passed between threads: received in the order sent, each once, and `receive` waits for the next one.
struct MessageQueueTests {
    @Test func messagesSentBeforeReceivingComeOutInOrder() {
        let queue = MessageQueue<Int>()
        for number in 1...5 { queue.send(number) }
        #expect((1...5).map { _ in queue.receive() } == [1, 2, 3, 4, 5])
    }

    @Test func receiveWaitsForAMessageSentLaterOnAnotherThread() {
        let queue = MessageQueue<String>()
        let received = MessageQueue<String>()
        let receiving = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            receiving.signal()
            received.send(queue.receive())
        }
        receiving.wait()
        // The receiver is waiting: nothing has come back yet.
        Thread.sleep(forTimeInterval: 0.05)
        queue.send("grants")
        #expect(received.receive() == "grants")
    }

    @Test func aReceiverOnAnotherThreadGetsEveryMessageOnceInOrder() {
        let queue = MessageQueue<Int>()
        let collected = Mutex<[Int]>([])
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            while true {
                let number = queue.receive()
                if number < 0 { break }
                collected.withLock { $0.append(number) }
            }
            done.signal()
        }
        for number in 0..<10_000 { queue.send(number) }
        queue.send(-1)
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(collected.withLock { $0 } == Array(0..<10_000))
    }

    @Test func messagesFromManySendersAllArrive() {
        let queue = MessageQueue<Int>()
        DispatchQueue.concurrentPerform(iterations: 8) { sender in
            for number in 0..<500 { queue.send(sender * 1_000 + number) }
        }
        let received = (0..<4_000).map { _ in queue.receive() }
        #expect(received.sorted() == (0..<8).flatMap { sender in (0..<500).map { sender * 1_000 + $0 } })
        // Each sender's own messages stay in the order it sent them.
        for sender in 0..<8 {
            let own = received.filter { $0 / 1_000 == sender }
            #expect(own == own.sorted())
        }
    }
}
