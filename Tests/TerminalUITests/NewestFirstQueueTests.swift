import Foundation
import Testing
@testable import TerminalUI

/// Preview decoding runs the newest work first: the screen paged to before the ones passed.
@Suite struct NewestFirstQueueTests {
    @Test func workWaitingIsTakenNewestFirst() async {
        let queue = NewestFirstQueue(width: 1)
        let gate = DispatchSemaphore(value: 0), order = Order()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            // The one worker is busy until the gate opens; meanwhile three screens' work waits.
            queue.add { gate.wait() }
            for screen in 1...3 { queue.add { order.append(screen) } }
            queue.add { done.resume() }
            gate.signal()
        }
        // `done` was the newest, so it ran first; wait for the rest.
        while order.count < 3 { try? await Task.sleep(for: .milliseconds(5)) }
        #expect(order.list == [3, 2, 1])
    }
}

private final class Order: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Int] = []
    var list: [Int] { lock.withLock { items } }
    var count: Int { list.count }
    func append(_ item: Int) { lock.withLock { items.append(item) } }
}
