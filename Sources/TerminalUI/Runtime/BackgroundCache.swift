import Foundation

/// Values made off the UI thread (on `NewestFirstQueue.previews`) and kept (the `capacity` most
/// recently asked for), so the UI can ask on every frame and never wait: a miss starts the work,
/// answers nil, and calls `ready` once the value is in. What a screen shows is asked for on every frame, so it is never the
/// one dropped; work for a value dropped before its turn is skipped (holding PgDn in a grid
/// does not queue a decode for every page it passed).
final class BackgroundCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        /// Tells this entry's work from that of an earlier entry for the same key, dropped and
        /// asked for again while its work was still running.
        var token: UInt64
        var value: Value?
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    /// Least recently asked for first.
    private var recency: [Key] = []
    private var lastToken: UInt64 = 0
    private let capacity: Int
    private let dropped: @Sendable (Key) -> Void

    /// `dropped` hears of each key that makes room for a newer one, on the thread that asked.
    init(capacity: Int, dropped: @escaping @Sendable (Key) -> Void = { _ in }) {
        self.capacity = capacity
        self.dropped = dropped
    }

    func value(for key: Key, ready: @escaping @Sendable () -> Void, make: @escaping @Sendable (Key) -> Value) -> Value? {
        let (answer, token, evicted): (Value?, UInt64?, [Key]) = lock.withLock {
            if let entry = entries[key] {
                if recency.last != key, let index = recency.firstIndex(of: key) { recency.append(recency.remove(at: index)) }
                return (entry.value, nil, [])
            }
            lastToken += 1
            entries[key] = Entry(token: lastToken, value: nil)
            recency.append(key)
            let evicted = Array(recency.prefix(max(0, recency.count - capacity)))
            recency.removeFirst(evicted.count)
            for old in evicted { entries[old] = nil }
            return (nil, lastToken, evicted)
        }
        evicted.forEach(dropped)
        guard let token else { return answer }
        NewestFirstQueue.previews.add { [weak self] in
            guard let self, isCurrent(key, token) else { return }
            let value = make(key)
            let kept = lock.withLock {
                guard entries[key]?.token == token else { return false }
                entries[key]?.value = value
                return true
            }
            if kept { ready() }
        }
        return nil
    }

    /// The value if it is already made; never starts work.
    func cached(_ key: Key) -> Value? { lock.withLock { entries[key]?.value } }

    private func isCurrent(_ key: Key, _ token: UInt64) -> Bool {
        lock.withLock { entries[key]?.token == token }
    }
}
