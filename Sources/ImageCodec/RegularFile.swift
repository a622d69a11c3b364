import CImageCodecs
import Foundation

/// Reads files that may be hostile: a gallery or a command line can name a FIFO (opening it
/// would wait forever for a writer), a device, a socket or a symbolic link out of the folder.
///
/// The file is opened with `O_NONBLOCK`, so opening a FIFO returns at once, and checked with
/// `fstat` on the open descriptor (not on the path, which could be swapped in between) before a
/// byte is read: only a regular file is read.
public enum RegularFile {
    /// Why a file was not read.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Kind: Sendable, Hashable {
            /// There is no such file.
            case missing
            /// `open`, `fstat` or `read` failed (permission denied, I/O error, ...).
            case unreadable
            /// A FIFO, socket, device or folder.
            case notRegular
            /// A symbolic link, where links are refused.
            case symbolicLink
            /// Larger than the caller's limit.
            case tooLarge
        }

        public let kind: Kind
        /// What went wrong, without the path: callers say which file.
        public let reason: String
        public var description: String { reason }
    }

    /// The whole file, or its first `limit` bytes when `truncating`, refusing anything that is
    /// not a regular file. `followLinks: false` (gallery scans) refuses a symbolic link in the
    /// last component (`O_NOFOLLOW`); a path the user typed follows links.
    public static func read(
        _ url: URL, limit: Int = Int.max, truncating: Bool = false, followLinks: Bool = true
    ) throws(Failure) -> [UInt8] {
        let (descriptor, size) = try openRegular(url, followLinks: followLinks)
        defer { close(descriptor) }
        if size > limit, !truncating {
            throw Failure(kind: .tooLarge, reason: "larger than \(limit) bytes")
        }
        return try readAll(descriptor, count: min(size, limit))
    }

    /// The whole file for `body`, with the same refusals as `read`. The bytes are read, not
    /// mapped: a mapped file that another program truncates or a network file system fails to
    /// deliver ends the process with SIGBUS, while a read reports the error (or hands over the
    /// bytes it got, which the decoders then call truncated). A large file is read into huge
    /// pages (`pxc_allocate_large`), so the copy costs a dozen page faults, not thousands.
    public static func withContents<Result>(_ url: URL, followLinks: Bool = true, _ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(Failure) -> Result {
        let (descriptor, size) = try openRegular(url, followLinks: followLinks)
        defer { close(descriptor) }
        guard size > 0, let buffer = pxc_allocate_large(size) else {
            return try readAll(descriptor, count: size).withUnsafeBufferPointer(body)
        }
        defer { pxc_release_large(buffer, size) }
        let count = try read(descriptor, into: UnsafeMutableBufferPointer(start: buffer, count: size))
        return body(UnsafeBufferPointer(start: buffer, count: count))
    }

    /// An open descriptor of a regular file and its size; the caller closes it.
    private static func openRegular(_ url: URL, followLinks: Bool) throws(Failure) -> (descriptor: Int32, size: Int) {
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            let code = errno
            // Linux answers O_NOFOLLOW on a link with ELOOP (the BSDs with EMLINK).
            if !followLinks, code == ELOOP || code == EMLINK {
                throw Failure(kind: .symbolicLink, reason: "a symbolic link; not followed")
            }
            throw Failure(kind: code == ENOENT ? .missing : .unreadable, reason: "cannot read the file (\(String(cString: strerror(code))))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(kind: .unreadable, reason: "cannot read the file (\(String(cString: strerror(code))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw Failure(kind: .notRegular, reason: "not a regular file")
        }
        // A regular file never blocks, but clearing the flag keeps reads plain everywhere.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, Int(info.st_size))
    }

    /// What a non-regular file is, for messages.
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        default: "not a plain file"
        }
    }

    /// Reads up to `count` bytes straight into the array (no second copy through `Data`); a
    /// file that shrank meanwhile yields what is there.
    private static func readAll(_ descriptor: Int32, count size: Int) throws(Failure) -> [UInt8] {
        guard size > 0 else { return [] }
        var failure: Failure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            do throws(Failure) { count = try read(descriptor, into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Fills `buffer` from `descriptor` until it is full or the file ends (a file that shrank
    /// since `fstat`); returns how many bytes were read.
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) throws(Failure) -> Int {
        var count = 0
        while count < buffer.count {
            let got = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                let code = errno
                throw Failure(kind: .unreadable, reason: "cannot read the file (\(String(cString: strerror(code))))")
            }
        }
        return count
    }
}
