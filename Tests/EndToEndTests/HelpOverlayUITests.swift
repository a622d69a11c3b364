import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// In an 80 x 24 terminal the compose help is taller than its box: `?` on the settings shows
    /// their keys first, and PgDn scrolls down to the jobs keys, which were out of view.
    @Test func helpScrollsToTheKeysOfTheOtherParts() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "Prompt")
        try tmux.send("Tab")
        try tmux.type("?")
        let opened = try await tmux.waitFor(text: "Compose keys")
        #expect(opened.contains("change the focused setting"))
        #expect(opened.contains("↓ more") && !opened.contains("↑ more"))
        #expect(!opened.contains("retry a failed job"), "the jobs keys start below the first page")
        try tmux.send("PageDown")
        let scrolled = try await tmux.waitFor(text: "retry a failed job (asks first if it may be charged)")
        #expect(scrolled.contains("cancel the selected running job") && scrolled.contains("↑ more"))
        try tmux.send("Escape")
        try await tmux.waitFor("the help to close") { !$0.contains("Compose keys") }
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }
}
