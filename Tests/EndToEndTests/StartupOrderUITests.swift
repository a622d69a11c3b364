import Foundation
import Testing
import TestSupport

/// The first frame comes first: the demo's simulator and the backend open behind it, and tmux
/// is asked while the settings load. What the user sees once startup settles is unchanged.
extension TerminalUIEndToEndTests {
    /// The demo's simulator starts after the first frame; a generation sent as the very first
    /// key presses still reaches it and lands in the demo's gallery.
    @Test func demoGenerationSentAtTheFirstFrameCompletes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        let first = try await tmux.waitFor(text: "Prompt")
        #expect(first.contains("DEMO - offline simulator, no credits spent"), "the first frame is labelled")
        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 1)
    }

    /// A demo that cannot start (its data folder is a file) is reported in the UI, which opens
    /// labelled as the demo, instead of ending before the first frame.
    @Test func aDemoThatCannotStartIsReportedInTheUI() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let notAFolder = dir.path("not a folder")
        try Data("x".utf8).write(to: URL(fileURLWithPath: notAFolder))
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"], width: 120, extra: ["XDG_DATA_HOME": notAFolder])
        let screen = try await tmux.waitFor(text: "the demo could not start: cannot create")
        #expect(screen.contains("DEMO - offline simulator"))
        try await quitWithCtrlC(tmux)
    }

    /// tmux is asked (one `tmux` process, started before the settings load) whether the pane
    /// lets image sequences through: with allow-passthrough on, kitty goes through it.
    @Test func detectionReadsTmuxsPassthroughSetting() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var environment = dir.isolatedEnvironment(["TERM": "tmux-256color", "LANG": "C.UTF-8", "KITTY_WINDOW_ID": "1"])
        environment["PIXAPI_KEY"] = Self.key
        let script = "tmux set-option -p allow-passthrough on && exec \"$0\""
        let tmux = try TmuxSession(command: ["/bin/sh", "-c", script, PixtermBinary.url.path], environment: environment, width: 120, height: 30)
        try await tmux.waitFor(text: "Prompt")
        try tmux.send("C-l")
        try await tmux.waitFor(text: "previews: kitty because KITTY_WINDOW_ID is set, through tmux passthrough")
        try tmux.send("Escape")
        try await tmux.waitFor("the log to close") { !$0.contains("Session log") }
        try await quitWithCtrlC(tmux)
    }

    /// Ctrl+C twice, the way out of the compose screen, and waits for the process to end.
    private func quitWithCtrlC(_ tmux: TmuxSession) async throws {
        try tmux.send("C-c")
        try await tmux.waitFor(text: "press Ctrl+C again to quit")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }
}
