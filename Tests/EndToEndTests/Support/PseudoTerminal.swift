import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A command on a pseudo-terminal that the test plays the terminal for: it sees every byte the
/// command writes and decides when, and whether, to answer its queries, which tmux (answering
/// at once, as a terminal) cannot. The command leads a session of its own with the pty as its
/// controlling terminal, so `/dev/tty` is the pty, as in a real terminal.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    /// Everything the command wrote, in order.
    private(set) var output: [UInt8] = []
    private var ended = false
    /// TIOCSPTLCK and TIOCGPTN (asm-generic/ioctls.h), macros Swift does not import.
    private static let setLock: UInt = 0x4004_5431
    private static let getNumber: UInt = 0x8004_5430
    /// POSIX_SPAWN_SETSID (spawn.h, glibc 2.26), which Swift's Glibc does not import.
    private static let newSession: Int16 = 0x80

    init(_ arguments: [String], environment: [String: String], columns: UInt16 = 100, rows: UInt16 = 30) throws {
        // posix_openpt, unlockpt and ptsname, which Swift's Glibc does not import: their ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, Self.setLock, &unlock) == 0, ioctl(master, Self.getNumber, &number) == 0 else {
            throw Spawn.SpawnError(arguments: arguments, reason: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session; the first terminal it opens becomes its controlling terminal.
        posix_spawnattr_setflags(&attributes, Self.newSession)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw Spawn.SpawnError(arguments: arguments, reason: "posix_spawn: \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit { end() }

    /// Reads what the command writes until `done` holds, or `timeout` passes; `done` is given
    /// all of the output so far. Returns whether `done` held.
    @discardableResult func read(timeout: Duration = .seconds(30), until done: ([UInt8]) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while !done(output) {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            // A tenth of a second at most, so a `done` that looks elsewhere (files) is asked again.
            let wait = min(left, .milliseconds(100))
            let ready = poll(&descriptor, 1, Int32(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000 + 1))
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            guard ready > 0 else { return false }
            let count = Glibc.read(master, &buffer, buffer.count)
            // EIO: the command closed its end (it exited).
            guard count > 0 else { return done(output) }
            output += buffer[0..<count]
        }
        return true
    }

    /// Sends bytes as the terminal would: typed keys, or replies to queries.
    func type(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Ends the command (SIGTERM, then SIGKILL after 5 s) and closes the terminal.
    func end() {
        guard !ended else { return }
        ended = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = ContinuousClock.now + .seconds(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                break
            }
            // Keep reading: a command blocked writing to a full terminal would not see SIGTERM.
            read(timeout: .milliseconds(20)) { _ in false }
        }
        close(master)
    }
}

extension [UInt8] {
    /// Where `needle` first occurs at or after `start`, or nil.
    func firstIndex(of needle: String, from start: Int = 0) -> Int? {
        let bytes = Array(needle.utf8)
        guard start >= 0, bytes.count <= count - start else { return nil }
        return (start...(count - bytes.count)).first { self[$0..<$0 + bytes.count].elementsEqual(bytes) }
    }
}
