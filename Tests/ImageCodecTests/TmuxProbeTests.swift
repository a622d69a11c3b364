import Foundation
import Testing

@testable import TerminalGraphics

/// What detection learns from one `tmux show-options ... ; display-message ...` run, and the
/// spawn that runs it.
@Suite struct TmuxProbeTests {
    @Test func readsTheOptionThenTheClientLine() {
        let info = TmuxProbe.parse("on\nxterm-kitty\tkitty(0.35.2)\n")
        #expect(info == TmuxInfo(allowPassthrough: true, clientTermName: "xterm-kitty", clientTermType: "kitty(0.35.2)"))
    }

    /// A detached session has no client: both fields are empty, and the option still counts.
    @Test func aDetachedSessionHasAnEmptyClientLine() {
        #expect(TmuxProbe.parse("off\n\t\n") == TmuxInfo(allowPassthrough: false))
        #expect(TmuxProbe.parse("all\n\t\n").allowPassthrough == true)
    }

    /// Of several option lines the last one counts; with none, passthrough is off.
    @Test func theLastOptionLineCounts() {
        #expect(TmuxProbe.parse("off\non\nxterm\t\n").allowPassthrough == true)
        #expect(TmuxProbe.parse("xterm\t\n") == TmuxInfo(allowPassthrough: false, clientTermName: "xterm"))
        #expect(TmuxProbe.parse("") == TmuxInfo(allowPassthrough: false))
    }

    @Test func aCommandsOutputIsReadAfterItExits() throws {
        let command = try #require(SpawnedCommand.start("sh", ["-c", "printf 'a\\tb\\n'"], environment: ProcessInfo.processInfo.environment))
        #expect(command.finish() == "a\tb\n")
    }

    /// A failing command gives no answer, as does one that cannot be found.
    @Test func failureOrAMissingCommandGivesNothing() throws {
        let failing = try #require(SpawnedCommand.start("sh", ["-c", "echo partial; exit 3"], environment: ProcessInfo.processInfo.environment))
        #expect(failing.finish() == nil)
        #expect(SpawnedCommand.start("sh", [], environment: ["PATH": "/nonexistent"]) == nil)
    }

    /// The search follows the given environment's PATH, in order, skipping what is not executable.
    @Test func theExecutableIsLookedUpInTheGivenPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmuxprobe-\(UUID().uuidString)")
        let first = directory.appendingPathComponent("first"), second = directory.appendingPathComponent("second")
        for folder in [first, second] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data().write(to: first.appendingPathComponent("tool"))
        try Data().write(to: second.appendingPathComponent("tool"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: second.appendingPathComponent("tool").path)
        #expect(SpawnedCommand.executable(named: "tool", searchPath: "\(first.path):\(second.path)") == second.appendingPathComponent("tool").path)
        #expect(SpawnedCommand.executable(named: "tool", searchPath: first.path) == nil)
    }
}
