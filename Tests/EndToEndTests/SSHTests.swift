import Foundation
import Testing
import TestSupport

/// The UI over a real ssh login to a session whose environment sets no locale at all
/// (`env -i` on the remote side), the state of many servers and containers.
@Suite(.serialized) struct SSHEndToEndTests {
    @Test(.enabled(if: SSHServer.isAvailable, SSHServer.unavailableReason))
    func demoOverSSHWithNoLocaleKeepsTypedTextAndDrawsItsFrame() async throws {
        let server = try SSHServer()
        // sshd must outlive the session; stopping it and removing its folder happen after.
        defer { withExtendedLifetime(server) {} }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let remote = NoUTF8LocaleUI.command(dir, locale: [:], term: "xterm-256color")
        let tmux = try TmuxSession(command: server.sshCommand(remote), environment: ["TERM": "tmux-256color"])
        do {
            try await NoUTF8LocaleUI.check(tmux, dir, expecting: .switched(origin: "LANG unset"))
        } catch {
            Issue.record("sshd said: \(server.log)")
            throw error
        }
    }
}
