import Foundation
import ImageCodec

/// Where log lines go: standard error, or a file opened for appending. Each line is one
/// `write` under a lock, so lines from concurrent tasks never interleave, and a failed write
/// (disk full) is dropped: logging never stops the work it describes.
public final class LogSink: @unchecked Sendable {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let lock = NSLock()

    private init(descriptor: Int32, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    public static let standardError = LogSink(descriptor: STDERR_FILENO, ownsDescriptor: false)

    /// Opens `path` for appending, creating it readable and writable by its owner only (0600).
    /// A symbolic link is not followed (`O_NOFOLLOW`), and a FIFO, socket, device or folder is
    /// refused with a message that says which; `O_NONBLOCK` keeps a FIFO from blocking the open.
    public static func appending(to path: String) throws(PixapiError) -> LogSink {
        let shown = TerminalText.sanitized(path)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            throw PixapiError(.invalidInput, "cannot write the log to \(shown): \(reason(opening: path, errno: code))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw PixapiError(.invalidInput, "cannot write the log to \(shown): it is \(RegularFile.kindName(info.st_mode)); give a regular file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return LogSink(descriptor: descriptor, ownsDescriptor: true)
    }

    /// Why `open` failed, in words; the kind of file where that is the cause.
    private static func reason(opening path: String, errno code: Int32) -> String {
        var info = stat()
        let kind = lstat(path, &info) == 0 ? RegularFile.kindName(info.st_mode) : nil
        switch code {
        // Linux answers O_NOFOLLOW on a link with ELOOP (the BSDs with EMLINK).
        case ELOOP, EMLINK: return "it is a symbolic link, which pixterm does not follow for its log; give the file's real path"
        case EISDIR: return "it is a folder; give a file name inside it"
        case ENXIO, EOPNOTSUPP: return "it is \(kind ?? "not a regular file"); give a regular file"
        case ENOENT: return "its folder does not exist"
        default: return String(cString: strerror(code))
        }
    }

    /// Appends `line` (which ends with a newline) whole.
    func write(_ line: String) {
        let bytes = Array(line.utf8)
        lock.withLock {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}
