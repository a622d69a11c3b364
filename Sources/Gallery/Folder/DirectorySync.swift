import Foundation

/// Flushes a folder's entries to disk. A rename or an unlink changes the folder, not the file:
/// until the folder itself is `fsync`ed, a power loss can bring back the old entry, losing an
/// image whose bytes were safely on disk.
enum DirectorySync {
    /// Called with each folder once it has been flushed; tests set it to see which folders a
    /// save flushes, production code never does.
    @TaskLocal static var observer: (@Sendable (URL) -> Void)?

    /// Best effort: the rename it follows has already happened, so a filesystem that cannot
    /// flush folders (some network and FUSE mounts answer EINVAL) must not turn a completed save
    /// into a failure.
    static func sync(_ directory: URL) {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        let flushed = fsync(descriptor) == 0
        close(descriptor)
        if flushed { observer?(directory) }
    }

    /// Flushes the folder of `destination`, and that of `source` too when it was another one
    /// (a move changes both).
    static func syncAfterMove(from source: URL?, to destination: URL) {
        let target = destination.deletingLastPathComponent().standardizedFileURL
        sync(target)
        if let origin = source?.deletingLastPathComponent().standardizedFileURL, origin != target { sync(origin) }
    }
}
