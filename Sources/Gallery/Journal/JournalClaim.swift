import Foundation

/// An exclusive hold on one journal entry, kept as long as this value lives.
///
/// It is a `flock` on the entry's lock file: the kernel drops it when the process dies, so an
/// entry abandoned by a killed pixterm becomes claimable at once, and never while its owner runs.
public final class JournalClaim: Sendable {
    public let entryID: String
    private let lock: FileLock

    /// Takes the lock without waiting; `nil` when another open file (this process or another) holds it.
    init?(entryID: String, lockFile: URL) {
        guard let lock = FileLock(lockFile, wait: false) else { return nil }
        self.entryID = entryID
        self.lock = lock
    }
}
