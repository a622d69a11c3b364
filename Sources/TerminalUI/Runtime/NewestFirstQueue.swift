import Foundation

/// Runs the previews' decoding on threads of its own, at most one per core, newest work first.
/// Off Swift's cooperative pool, a screen of decodes never holds up the app's async work (gallery
/// pages, jobs); newest first, the screen the user paged to is drawn before the ones passed on
/// the way (work for pictures no longer wanted is skipped by `BackgroundCache`).
final class NewestFirstQueue: @unchecked Sendable {
    /// The one queue every preview cache shares, so half blocks and pixels together use the cores
    /// once.
    static let previews = NewestFirstQueue(width: ProcessInfo.processInfo.activeProcessorCount)

    private let lock = NSLock()
    private var pending: [@Sendable () -> Void] = []
    private var running = 0
    private let width: Int

    init(width: Int) { self.width = max(1, width) }

    func add(_ work: @escaping @Sendable () -> Void) {
        let startsWorker: Bool = lock.withLock {
            pending.append(work)
            guard running < width else { return false }
            running += 1
            return true
        }
        if startsWorker { DispatchQueue.global(qos: .userInitiated).async { self.work() } }
    }

    /// One worker: takes the newest pending work until none is left.
    private func work() {
        while let next = next() { next() }
    }

    private func next() -> (@Sendable () -> Void)? {
        lock.withLock {
            if let newest = pending.popLast() { return newest }
            running -= 1
            return nil
        }
    }
}
