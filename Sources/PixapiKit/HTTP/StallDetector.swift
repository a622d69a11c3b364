/// The stall rule as a pure value: fed how many bytes arrived when, it says whether the last
/// `window` brought fewer than `minimumBytes`. Times are offsets from the start of the body, so
/// tests drive it without a clock.
///
/// Bytes are counted in sixteen buckets per window, so memory stays fixed however many chunks
/// arrive; a bucket that straddles the window's start counts whole, which errs by at most a
/// sixteenth of the window in the server's favour.
public struct StallDetector: Sendable, Hashable {
    public let window: Duration
    public let minimumBytes: Int
    private var bucketStarts: [Duration] = []
    private var bucketBytes: [Int] = []
    public private(set) var totalBytes = 0

    public init(window: Duration, minimumBytes: Int) {
        self.window = window
        self.minimumBytes = minimumBytes
    }

    private var bucketWidth: Duration { window / 16 }

    public mutating func record(_ bytes: Int, at time: Duration) {
        totalBytes += bytes
        if let last = bucketStarts.last, time < last + bucketWidth {
            bucketBytes[bucketBytes.count - 1] += bytes
        } else {
            bucketStarts.append(time)
            bucketBytes.append(bytes)
        }
        let expired = bucketStarts.prefix { $0 + bucketWidth <= time - window }.count
        bucketStarts.removeFirst(expired)
        bucketBytes.removeFirst(expired)
    }

    /// The bytes that arrived in the window ending at `time`.
    public func bytes(inWindowEndingAt time: Duration) -> Int {
        zip(bucketStarts, bucketBytes).reduce(0) { sum, bucket in
            bucket.0 + bucketWidth > time - window ? sum + bucket.1 : sum
        }
    }

    /// True once a whole window has passed and it brought too little. The first window counts
    /// from the start of the body, so a body that never sends a byte stalls too.
    public func isStalled(at time: Duration) -> Bool {
        time >= window && bytes(inWindowEndingAt: time) < minimumBytes
    }
}
