import Foundation

/// An exclusive `flock` on a file, held as long as this value lives.
///
/// The kernel drops it when the process dies, so a lock left by a killed pixterm is free at
/// once, and never while its owner runs. It excludes other open files, in this process or another.
final class FileLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock, waiting for it when `wait` (otherwise `nil` when another holds it); `nil`
    /// also when the lock file cannot be opened.
    init?(_ file: URL, wait: Bool) {
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) } while result != 0 && errno == EINTR
        guard result == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
