import Foundation

/// An exclusive hold on one journal entry, kept as long as this value lives.
///
/// It is a `flock` on the entry's lock file: the kernel drops it when the process dies, so an
/// entry abandoned by a killed pixterm becomes claimable at once, and never while its owner runs.
public final class JournalClaim: Sendable {
    public let entryID: String
    private let descriptor: Int32

    /// Takes the lock without waiting; `nil` when another open file (this process or another) holds it.
    init?(entryID: String, lockFile: URL) {
        let fd = open(lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        self.entryID = entryID
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
