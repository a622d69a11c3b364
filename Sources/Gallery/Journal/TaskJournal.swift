import Foundation
import PixapiKit

/// The journal of paid work in flight: one JSON file per request, written before the request is
/// sent and removed only when every image is in the gallery. A killed process, a closed
/// terminal or a dropped SSH session leaves the entry for the next pixterm to finish.
public final class TaskJournal: @unchecked Sendable {
    public let directory: URL
    /// Claims this process holds on entries it opened or resumed; guarded by `lock`.
    private var claims: [String: JournalClaim] = [:]
    private let lock = NSLock()
    /// Dates entries (`created`, `updated`, and the id's prefix); a test passes its own clock.
    private let now: @Sendable () -> Date

    public init(directory: URL, now: @escaping @Sendable () -> Date = { Date() }) throws(GalleryError) {
        self.directory = directory
        self.now = now
        try PrivateDirectory.create(directory)
    }

    private func file(_ id: String) -> URL { directory.appendingPathComponent("\(id).json") }
    private func lockFile(_ id: String) -> URL { directory.appendingPathComponent("\(id).lock") }

    /// A fresh entry id, dated now: `open(id:)` takes it, and the spend ledger names the request
    /// by it before the entry is written.
    public func newEntryID() -> String { "\(Int(now().timeIntervalSince1970))-\(GalleryLayout.newID())" }

    /// Records a request before it is sent and claims the entry for this process.
    /// `idempotencyKey` goes with the request and every retry of it.
    public func open(
        id: String? = nil, request: ImageRequest, mode: SubmitMode, baseURL: URL, cost: Int?, idempotencyKey: String = IdempotencyKey.make()
    ) throws(GalleryError) -> String {
        let now = now()
        let id = id ?? newEntryID()
        guard let claim = JournalClaim(entryID: id, lockFile: lockFile(id)) else {
            throw GalleryError(message: "cannot lock a journal entry in \(directory.path)")
        }
        lock.withLock { claims[id] = claim }
        let entry = JournalEntry(
            id: id, created: now, updated: now, request: request, mode: mode, baseURL: baseURL.absoluteString, cost: cost,
            state: .pending, taskID: nil, saved: [:], idempotencyKey: idempotencyKey
        )
        do {
            try write(entry)
        } catch {
            release(id)
            throw error
        }
        return id
    }

    public func recordTaskID(_ taskID: String, entry id: String) throws(GalleryError) {
        try update(id) { entry in
            entry.taskID = taskID
            entry.state = .submitted
            entry.note = nil
        }
    }

    public func recordSaved(index: Int, path: String, entry id: String) throws(GalleryError) {
        try update(id) { $0.saved[index] = path }
    }

    /// Every image is in the gallery: the entry is done.
    public func close(entry id: String) throws(GalleryError) {
        try remove(id)
    }

    /// The server refused the request or it was never sent (nothing was charged), or the user
    /// dismissed an entry. The entry is removed, so there is nowhere to keep why: the caller
    /// says it (to the user, to the log).
    public func fail(entry id: String) throws(GalleryError) {
        try remove(id)
    }

    /// The job stopped but the entry stays for the user: `state` says why (`outcomeUnknown`,
    /// `paidNotDownloaded`), `note` what happened.
    public func keep(entry id: String, as state: JournalEntry.State, note: String) throws(GalleryError) {
        try update(id) { entry in
            entry.state = state
            entry.note = note
        }
    }

    /// Open entries, oldest first, whether claimed or not.
    public func openEntries() -> [JournalEntry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.compactMap { entry(String($0.dropLast(5))) }
            .sorted { $0.created < $1.created }
    }

    /// The entry as it is on disk now; `nil` once closed.
    public func entry(_ id: String) -> JournalEntry? {
        FileManager.default.contents(atPath: file(id).path).flatMap { try? Sidecar.decoder.decode(JournalEntry.self, from: $0) }
    }

    /// Claims an entry for this process; `nil` when another live process (or this one) holds it,
    /// or when it was closed meanwhile. Read the entry again after claiming: its owner may have
    /// saved more images before letting go.
    public func claim(_ id: String) -> JournalClaim? {
        guard FileManager.default.fileExists(atPath: file(id).path) else { return nil }
        guard let claim = JournalClaim(entryID: id, lockFile: lockFile(id)) else { return nil }
        // An owner closing the entry removes its file before its lock: checked again under the lock.
        guard FileManager.default.fileExists(atPath: file(id).path) else { return nil }
        lock.withLock { claims[id] = claim }
        return claim
    }

    /// Whether some process holds the entry right now (it is being worked on).
    public func isClaimed(_ id: String) -> Bool {
        if lock.withLock({ claims[id] != nil }) { return true }
        guard let probe = JournalClaim(entryID: id, lockFile: lockFile(id)) else { return true }
        _ = probe
        return false
    }

    private func release(_ id: String) {
        _ = lock.withLock { claims.removeValue(forKey: id) }
    }

    private func remove(_ id: String) throws(GalleryError) {
        do {
            if FileManager.default.fileExists(atPath: file(id).path) { try FileManager.default.removeItem(at: file(id)) }
        } catch {
            throw GalleryError(message: "cannot remove journal entry \(id): \(error.localizedDescription)")
        }
        try? FileManager.default.removeItem(at: lockFile(id))
        release(id)
    }

    private func update(_ id: String, _ change: (inout JournalEntry) -> Void) throws(GalleryError) {
        guard var entry = entry(id) else { throw GalleryError(message: "journal entry \(id) is missing or unreadable") }
        change(&entry)
        entry.updated = now()
        try write(entry)
    }

    private func write(_ entry: JournalEntry) throws(GalleryError) {
        let data: Data
        do { data = try Sidecar.encoder.encode(entry) } catch { throw GalleryError(message: "cannot encode journal entry: \(error)") }
        try AtomicFile.write(data, to: file(entry.id), mode: 0o600)
    }
}
