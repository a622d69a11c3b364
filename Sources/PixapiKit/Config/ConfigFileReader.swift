import Foundation

/// Reads the config file so that an odd path cannot hang or flood pixterm: only a regular file is
/// read (a FIFO at the path would block forever), it is opened without blocking, and at most
/// `limit` bytes come in whatever the file's size.
enum ConfigFileReader {
    /// The file's first `limit` bytes, or nil when there is no file at `url`.
    static func read(_ url: URL, limit: Int) throws(PixapiError) -> [UInt8]? {
        func failure(_ code: Int32) -> PixapiError {
            PixapiError(.io, "cannot read \(url.path): \(String(cString: strerror(code)))")
        }
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw failure(code)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(errno) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw PixapiError(.io, "\(url.path) is not a regular file; the config must be a plain text file")
        }
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let got = bytes.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress! + count, limit - count) }
            if got > 0 {
                count += got
            } else if got == 0 {
                break
            } else if errno != EINTR {
                throw failure(errno)
            }
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
