import Synchronization

/// Encoded photo-like images kept by what decides their bytes, so a benchmark that repeats a
/// request measures the client, not the simulator's PNG encoder (about 0.4 s per 2048x2048 photo
/// at level 1, most of it zlib).
///
/// Bounded by total bytes; the oldest entry goes first.
final class EncodedImageCache: Sendable {
    struct Key: Hashable, Sendable {
        let width: Int
        let height: Int
        let seed: UInt64
        let format: ImageJob.OutputFormat
        let compressionLevel: Int
    }

    private struct Entries {
        var images: [Key: [UInt8]] = [:]
        var order: [Key] = []
        var byteCount = 0
    }

    private let byteLimit: Int
    private let entries = Mutex(Entries())

    init(byteLimit: Int) { self.byteLimit = byteLimit }

    /// The cached bytes for `key`, or `make()`'s, which are kept when they fit under the limit.
    func bytes(for key: Key, make: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let cached = entries.withLock({ $0.images[key] }) { return cached }
        let made = try make()
        guard made.count <= byteLimit else { return made }
        entries.withLock { entries in
            guard entries.images[key] == nil else { return }
            while entries.byteCount + made.count > byteLimit, !entries.order.isEmpty {
                let oldest = entries.order.removeFirst()
                entries.byteCount -= entries.images.removeValue(forKey: oldest)?.count ?? 0
            }
            entries.images[key] = made
            entries.order.append(key)
            entries.byteCount += made.count
        }
        return made
    }
}
