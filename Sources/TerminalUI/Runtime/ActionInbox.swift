import Foundation
import PixtermCore
import TerminalGraphics

/// What background work hands to the UI thread: view-model actions, and finished previews.
enum RuntimeMessage: Sendable {
    case action(Action)
    case preview
}

/// A thread-safe queue that wakes the UI loop when something arrives.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var queue: [RuntimeMessage] = []
    private let waker: TerminalWaker

    init(waker: TerminalWaker) { self.waker = waker }

    func post(_ message: RuntimeMessage) {
        lock.withLock { queue.append(message) }
        waker.wake()
    }

    func drain() -> [RuntimeMessage] {
        lock.withLock {
            defer { queue.removeAll() }
            return queue
        }
    }
}
