import Foundation

/// Reads the rows of the images a scan found (their sidecars, or headers) on every core, ahead
/// of the one thread that inserts them: a rebuild's reading and writing overlap, and rows are
/// handed out in scan order a chunk at a time and freed once inserted, rather than all held.
final class GalleryEntryReader: @unchecked Sendable {
    typealias Pending = (url: URL, relative: String)
    typealias Read = @Sendable (Pending, inout [GalleryProblem]) -> GalleryEntry?

    /// Small enough that the inserting thread starts soon and progress moves smoothly, large
    /// enough that handing chunks over costs nothing next to reading them.
    static let chunkSize = 256

    private let pending: [Pending]
    private let read: Read
    private let condition = NSCondition()
    /// Each chunk's rows and problems once read, until taken. Guarded by `condition`.
    private var chunks: [(entries: [GalleryEntry], problems: [GalleryProblem])?]
    private var nextChunk = 0
    private var stopped = false

    /// Starts reading `pending` on every core.
    init(pending: [Pending], read: @escaping Read) {
        self.pending = pending
        self.read = read
        chunks = Array(repeating: nil, count: (pending.count + Self.chunkSize - 1) / Self.chunkSize)
        guard !chunks.isEmpty else { return }
        let workers = min(chunks.count, ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.global().async { DispatchQueue.concurrentPerform(iterations: workers) { _ in self.work() } }
    }

    var count: Int { pending.count }

    /// The rows in scan order, each chunk waited for; `taken` is told how many were handed out
    /// so far, and `problems` gets each chunk's problems in the same order.
    func entries(taken: @escaping (Int) -> Void = { _ in }, problems: @escaping ([GalleryProblem]) -> Void) -> some Sequence<GalleryEntry> {
        (0..<chunks.count).lazy.flatMap { chunk -> [GalleryEntry] in
            let result = self.take(chunk)
            problems(result.problems)
            taken(min(self.pending.count, (chunk + 1) * Self.chunkSize))
            return result.entries
        }
    }

    /// Stops reading chunks not yet started, once no more will be taken (the rebuild failed).
    func stop() { condition.withLock { stopped = true } }

    private func work() {
        while let chunk = claim() {
            var entries: [GalleryEntry] = []
            var problems: [GalleryProblem] = []
            for item in pending[chunk * Self.chunkSize..<min(pending.count, (chunk + 1) * Self.chunkSize)] {
                if let entry = read(item, &problems) { entries.append(entry) }
            }
            condition.withLock {
                chunks[chunk] = (entries, problems)
                condition.broadcast()
            }
        }
    }

    private func claim() -> Int? {
        condition.withLock {
            guard !stopped, nextChunk < chunks.count else { return nil }
            defer { nextChunk += 1 }
            return nextChunk
        }
    }

    private func take(_ chunk: Int) -> (entries: [GalleryEntry], problems: [GalleryProblem]) {
        condition.withLock {
            while chunks[chunk] == nil { condition.wait() }
            defer { chunks[chunk] = nil }
            return chunks[chunk]!
        }
    }
}
