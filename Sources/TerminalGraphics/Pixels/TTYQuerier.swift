import Foundation

/// Asks the controlling terminal (/dev/tty) directly, so detection works while standard input
/// and output are pipes. The terminal is switched to non-canonical, no-echo mode only for the
/// exchange and always restored.
///
/// Replies must never leak into the shell or the UI's input: reading stops at the DA1 reply,
/// which terminals send after all others; the first-byte wait is `timeout`, and once replies
/// are flowing they get up to `completionTimeout` to finish (a slow SSH link delays the whole
/// burst, not each byte). When the DA1 reply never completes, pending input is flushed.
public struct TTYQuerier: TerminalQuerying, Sendable {
    public var path: String
    public var timeout: Duration
    public var completionTimeout: Duration

    public init(path: String = "/dev/tty", timeout: Duration = .milliseconds(150), completionTimeout: Duration = .seconds(1)) {
        self.path = path
        self.timeout = timeout
        self.completionTimeout = completionTimeout
    }

    /// 150 ms locally; 600 ms over SSH, where a round trip alone can take 300 ms.
    public static func defaultTimeout(environment: [String: String]) -> Duration {
        let ssh = !(environment["SSH_CONNECTION"] ?? "").isEmpty || !(environment["SSH_TTY"] ?? "").isEmpty
        return ssh ? .milliseconds(600) : .milliseconds(150)
    }

    public func exchange(_ query: [UInt8]) -> [UInt8]? {
        let descriptor = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // A background job touching the terminal would be stopped by SIGTTOU/SIGTTIN.
        guard tcgetpgrp(descriptor) == getpgrp() else { return nil }
        var original = termios()
        guard tcgetattr(descriptor, &original) == 0 else { return nil }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { controls in
            controls[Int(VMIN)] = 0
            controls[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(descriptor, TCSANOW, &original) }

        guard writeAll(descriptor, query) else { return [] }
        let reply = readReplies(descriptor)
        if !TerminalReplies.containsDeviceAttributes(reply) { tcflush(descriptor, TCIFLUSH) }
        return reply
    }

    private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    private func readReplies(_ descriptor: Int32) -> [UInt8] {
        let clock = ContinuousClock()
        var deadline = clock.now + timeout
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !TerminalReplies.containsDeviceAttributes(reply) {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { break }
            let (seconds, attoseconds) = remaining.components
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            if reply.isEmpty { deadline = clock.now + completionTimeout }
            reply += buffer[..<count]
        }
        return reply
    }
}
