import Foundation

/// Writes that are all or nothing: a temp file on the same filesystem, flushed to disk, renamed,
/// then the folder flushed too. A kill or a power loss at any moment leaves either the old state
/// or the new one, never half a file.
enum AtomicFile {
    static let temporaryPrefix = ".pixterm-tmp-"

    /// The temp file goes in `temporaryFolder` when given (the gallery passes its own
    /// `.pixterm/staging`, so a killed save leaves nothing in the image folders and clean-up never
    /// has to look there), else next to `destination`.
    /// `mode` is the new file's permissions (the journal's entries are 0600).
    static func write(_ data: Data, to destination: URL, temporaryFolder: URL? = nil, mode: mode_t = 0o644) throws(GalleryError) {
        let directory = destination.deletingLastPathComponent()
        try createDirectory(directory)
        let temporary = (temporaryFolder ?? directory).appendingPathComponent(temporaryPrefix + UUID().uuidString)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else { throw GalleryError.posix(errno, "cannot write in \(directory.path)") }
        var ok = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        let writeErrno = errno
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok else {
            unlink(temporary.path)
            throw GalleryError.posix(writeErrno, "cannot write \(destination.lastPathComponent)")
        }
        do {
            try rename(temporary, to: destination)
        } catch {
            unlink(temporary.path)
            throw error
        }
        DirectorySync.syncAfterMove(from: nil, to: destination)
    }

    /// Moves a complete file into place, flushing it first and both folders after; same
    /// filesystem, so it is a rename. The source is opened without following a link and
    /// without waiting on a FIFO.
    static func move(_ source: URL, to destination: URL) throws(GalleryError) {
        try createDirectory(destination.deletingLastPathComponent())
        let fd = open(source.path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
        try rename(source, to: destination)
        DirectorySync.syncAfterMove(from: source, to: destination)
    }

    /// Leaves `source` where it was when the rename fails: it may be the user's only copy.
    static func rename(_ source: URL, to destination: URL) throws(GalleryError) {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            let code = errno
            throw GalleryError.posix(code, "cannot move \(source.lastPathComponent) into \(destination.deletingLastPathComponent().path)")
        }
    }

    static func createDirectory(_ url: URL) throws(GalleryError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw GalleryError(message: "cannot create \(url.path): \(error.localizedDescription)")
        }
    }
}

/// A gallery failure with a message a person can act on.
public struct GalleryError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    static func posix(_ code: Int32, _ what: String) -> GalleryError {
        switch code {
        case ENOSPC, EDQUOT: GalleryError(message: "\(what): the disk is full; free some space and try again")
        case EROFS: GalleryError(message: "\(what): the gallery is on a read-only filesystem; it can be listed but not changed")
        case EACCES, EPERM: GalleryError(message: "\(what): permission denied; check the gallery folder's permissions")
        default: GalleryError(message: "\(what): \(String(cString: strerror(code)))")
        }
    }
}
