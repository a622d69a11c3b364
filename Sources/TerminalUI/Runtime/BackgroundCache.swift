import Foundation

/// Values made off the UI thread and kept (the most recent `capacity`), so the UI can ask on
/// every frame and never wait: a miss starts the work, answers nil, and calls `ready` once the
/// value is in.
final class BackgroundCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var started: [Key] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(for key: Key, ready: @escaping @Sendable () -> Void, make: @escaping @Sendable (Key) -> Value) -> Value? {
        let isNew: Bool = lock.withLock {
            guard !started.contains(key) else { return false }
            started.append(key)
            if started.count > capacity { values[started.removeFirst()] = nil }
            return true
        }
        guard isNew else { return lock.withLock { values[key] } }
        Task.detached(priority: .userInitiated) { [weak self] in
            let value = make(key)
            guard let self else { return }
            lock.withLock { if started.contains(key) { values[key] = value } }
            ready()
        }
        return nil
    }

    /// The value if it is already made; never starts work.
    func cached(_ key: Key) -> Value? { lock.withLock { values[key] } }
}
