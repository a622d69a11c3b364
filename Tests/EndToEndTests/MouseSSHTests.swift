import Foundation
import Testing
import TestSupport

/// The mouse over a real ssh login, with `TERM=xterm-256color` on the remote side: its terminfo
/// names `\e[<` as the mouse key, which ncurses would turn into a bare KEY_MOUSE and leave the
/// rest of each report (`0;15;15M`) to be typed into the prompt.
@Suite(.serialized) struct MouseSSHEndToEndTests {
    @Test(.enabled(if: SSHServer.isAvailable, SSHServer.unavailableReason))
    func clicksReachTheUIOverSSHAndNeverTypeIntoThePrompt() async throws {
        let server = try SSHServer()
        defer { withExtendedLifetime(server) {} }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let remote = NoUTF8LocaleUI.command(dir, locale: ["LANG": "C.UTF-8"], term: "xterm-256color")
        let tmux = try TmuxSession(command: server.sshCommand(remote), environment: ["TERM": "tmux-256color"])
        do {
            try await tmux.waitFor(text: "Describe the image you want")
            try await tmux.waitFor("mouse reporting") { _ in (try? tmux.paneFormat("#{mouse_sgr_flag}")) == "1" }
            // The n picker: a click focuses it, a click on ▸ makes it 2.
            try tmux.click(row: 14, column: 9)
            try await tmux.waitFor(text: "n        ◂ 1 ▸")
            try tmux.click(row: 14, column: 13)
            try await tmux.waitFor(text: "n        ◂ 2 ▸")
            try tmux.click(row: 3, column: 20)
            try tmux.wheel(up: false, row: 3, column: 20)
            try tmux.type("a fox")
            let typed = try await tmux.waitFor(text: "│a fox ")
            #expect(!typed.contains(";15M") && !typed.contains("<0;") && !typed.contains(";4M"), "no report was typed:\n\(typed)")
        } catch {
            Issue.record("sshd said: \(server.log)")
            throw error
        }
    }
}
