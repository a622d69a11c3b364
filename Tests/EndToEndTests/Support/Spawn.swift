import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts commands with posix_spawn and waits for them with waitpid on their exact pid.
///
/// Foundation's `Process` is not used for these: it learns of every child's exit on one shared
/// thread, through a socket the child inherits, and then waits for that child there with a
/// blocking waitpid. A client that forks a daemon (tmux starting its server) keeps the socket
/// open after it exits, and a daemon that closes its inherited descriptors (sshd) looks exited
/// while it runs, so the shared thread blocks in waitpid for as long as sshd lives, and no other
/// `Process` in the whole test run is ever seen to end.
enum Spawn {
    /// Runs a short command and returns its standard output.
    static func output(_ arguments: [String]) throws -> String {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw SpawnError(arguments: arguments, reason: "pipe failed") }
        let pid: pid_t
        do {
            pid = try spawn(arguments, stdout: .descriptor(pipeEnds[1]), stderr: .devNull, closing: [pipeEnds[0], pipeEnds[1]])
        } catch {
            close(pipeEnds[0])
            close(pipeEnds[1])
            throw error
        }
        close(pipeEnds[1])
        // Read until the command's own end of the pipe closes; a daemon it starts gets
        // /dev/null (tmux's server daemonizes) so this ends when the command does.
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count > 0 { data.append(contentsOf: buffer[0..<count]) } else if count == 0 || errno != EINTR { break }
        }
        close(pipeEnds[0])
        _ = wait(pid, options: 0)
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts a long-running command (a server) with standard error appended to `stderrFile`.
    static func daemon(_ arguments: [String], stderrFile: String) throws -> Daemon {
        Daemon(pid: try spawn(arguments, stdout: .devNull, stderr: .file(stderrFile), closing: []), arguments: arguments)
    }

    /// A child started by `daemon`; `stop()` ends and reaps it.
    final class Daemon: @unchecked Sendable {
        let pid: pid_t
        let arguments: [String]
        private var exited = false

        fileprivate init(pid: pid_t, arguments: [String]) {
            self.pid = pid
            self.arguments = arguments
        }

        var isRunning: Bool {
            if !exited, Spawn.wait(pid, options: WNOHANG) != 0 { exited = true }
            return !exited
        }

        /// SIGTERM, up to 5 s to go, then SIGKILL; always reaped.
        func stop() {
            guard isRunning else { return }
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(5)
            while isRunning, Date() < deadline { usleep(20_000) }
            if isRunning {
                kill(pid, SIGKILL)
                _ = Spawn.wait(pid, options: 0)
                exited = true
            }
        }
    }

    private enum Output {
        case devNull
        case descriptor(Int32)
        case file(String)
    }

    private static func spawn(_ arguments: [String], stdout: Output, stderr: Output, closing: [Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (output, fd) in [(stdout, Int32(1)), (stderr, Int32(2))] {
            switch output {
            case .devNull: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case let .descriptor(source): posix_spawn_file_actions_adddup2(&actions, source, fd)
            case let .file(path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            }
        }
        for fd in closing { posix_spawn_file_actions_addclose(&actions, fd) }
        // Nothing else goes with it: a daemon that inherited the pipes of processes other tests
        // were starting at that moment would keep them from ever seeing end of file.
        closeEverythingElse(&actions)
        // Test threads run with signals blocked; a child (the tmux server above all) must not
        // inherit that mask, or it never hears SIGCHLD or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard status == 0 else { throw SpawnError(arguments: arguments, reason: String(cString: strerror(status))) }
        return pid
    }

    /// waitpid on exactly `pid`, retried on EINTR: the pid, 0 (still running with WNOHANG) or -1.
    private static func wait(_ pid: pid_t, options: Int32) -> pid_t {
        var exitStatus: Int32 = 0
        while true {
            let result = waitpid(pid, &exitStatus, options)
            if result == -1 && errno == EINTR { continue }
            return result
        }
    }

    /// Adds glibc's "close every descriptor from 3 up" action. Swift does not import it (it is
    /// a GNU extension), so it is looked up at run time; elsewhere the child keeps the default.
    private static func closeEverythingElse(_ actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        #endif
    }

    struct SpawnError: Error, CustomStringConvertible {
        let arguments: [String]
        let reason: String
        var description: String { "could not run \(arguments.joined(separator: " ")): \(reason)" }
    }
}
