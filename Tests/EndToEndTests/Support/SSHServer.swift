import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import TestSupport
#endif

/// A real OpenSSH server on a free loopback port, private to one test: a throwaway host key,
/// a throwaway client key in its `authorized_keys`, logins only as the user running the tests.
/// Stopped, and its folder removed, when the test lets go of it.
final class SSHServer {
    static let sshd = "/usr/sbin/sshd"
    static let ssh = "/usr/bin/ssh"
    static let keygen = "/usr/bin/ssh-keygen"

    /// sshd, ssh and ssh-keygen are all installed (`.ci/install-deps` installs openssh-server),
    /// and sshd's privilege separation folder exists or can be made (as root).
    static var isAvailable: Bool {
        [sshd, ssh, keygen].allSatisfy(FileManager.default.isExecutableFile(atPath:))
            && (geteuid() == 0 || FileManager.default.fileExists(atPath: privilegeSeparationFolder))
    }
    static let unavailableReason: Comment =
        "needs OpenSSH (\(sshd), \(ssh), \(keygen)) and, unless run as root, \(privilegeSeparationFolder): apt-get install openssh-server, as .ci/install-deps does"
    private static let privilegeSeparationFolder = "/run/sshd"

    let port: Int
    let user: String
    private let dir: TemporaryDirectory
    private let daemon: Spawn.Daemon

    init() throws {
        dir = try TemporaryDirectory("pixterm-sshd")
        user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        try Self.run(Self.keygen, ["-q", "-t", "ed25519", "-N", "", "-f", dir.path("host_key")])
        try Self.run(Self.keygen, ["-q", "-t", "ed25519", "-N", "", "-f", dir.path("client_key")])
        try FileManager.default.copyItem(atPath: dir.path("client_key.pub"), toPath: dir.path("authorized_keys"))
        // Debian's sshd refuses to start without its privilege separation folder.
        if !FileManager.default.fileExists(atPath: Self.privilegeSeparationFolder) {
            try FileManager.default.createDirectory(
                atPath: Self.privilegeSeparationFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        port = try Self.freeLoopbackPort()
        let config = """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(dir.path("host_key"))
            AuthorizedKeysFile \(dir.path("authorized_keys"))
            PidFile \(dir.path("sshd.pid"))
            StrictModes no
            UsePAM no
            PermitRootLogin yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AllowUsers \(user)

            """
        try config.write(toFile: dir.path("sshd_config"), atomically: true, encoding: .utf8)
        // Not Foundation's `Process`: see `Spawn` for why a daemon must not be one.
        daemon = try Spawn.daemon([Self.sshd, "-D", "-e", "-f", dir.path("sshd_config")], stderrFile: dir.path("sshd.log"))
        try waitUntilListening()
    }

    deinit {
        daemon.stop()
        dir.remove()
    }

    /// `ssh` logging in with the throwaway key and running `remote` (one argument per word,
    /// quoted here for the remote shell) on a terminal (`-tt`); no user or system ssh config.
    func sshCommand(_ remote: [String]) -> [String] {
        [
            Self.ssh, "-F", "/dev/null", "-tt", "-p", String(port), "-i", dir.path("client_key"),
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
            "-o", "LogLevel=ERROR", "\(user)@127.0.0.1", "--",
        ] + remote.map(TmuxSession.shellQuote)
    }

    /// What sshd said, for a failing test's message.
    var log: String { (try? String(contentsOfFile: dir.path("sshd.log"), encoding: .utf8)) ?? "" }

    private func waitUntilListening() throws {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            guard daemon.isRunning else { throw StartError(log: log) }
            if Self.accepts(port: port) { return }
            usleep(50_000)
        }
        throw StartError(log: log)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StartError(log: "\(tool) \(arguments.joined(separator: " ")) failed") }
    }

    /// A port the kernel just handed out on 127.0.0.1, released for sshd to take.
    private static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(log: "socket failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw StartError(log: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    struct StartError: Error, CustomStringConvertible {
        let log: String
        var description: String { "sshd did not start: \(log)" }
    }
}
