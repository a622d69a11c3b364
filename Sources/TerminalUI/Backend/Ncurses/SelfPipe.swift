#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking pipe whose read end sits in the input poll next to the terminal, so a
/// byte written from another thread or a signal handler wakes the UI thread at once, while
/// an idle UI costs no CPU. Byte 0 means "wake"; other bytes are signal numbers.
final class SelfPipe: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init?() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Empties the pipe and returns what was in it.
    func drain() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            guard count > 0 else { return result }
            result += buffer[0..<count]
        }
    }
}

/// Wakes the UI thread's `nextEvent(timeout:)` from any thread.
public struct TerminalWaker: Sendable {
    private let pipe: SelfPipe?

    init(pipe: SelfPipe?) { self.pipe = pipe }

    public func wake() {
        guard let pipe else { return }
        var byte: UInt8 = 0
        // A full pipe already holds a wake-up, so a failed write loses nothing.
        _ = write(pipe.writeEnd, &byte, 1)
    }
}
