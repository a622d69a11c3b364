import Foundation
import Testing
import TestSupport

/// The gallery's full-screen view in a real terminal: inside tmux without allow-passthrough,
/// detection must settle on half blocks, and Esc must bring the list back.
@Suite(.serialized) struct FullScreenViewEndToEndTests {
    @Test func viewsAnImageWithHalfBlocksInTmuxAndEscReturnsToTheList() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try GallerySeed(folder: URL(fileURLWithPath: dir.path("data") + "/pixterm/gallery"))
            .image("2026/01/fox.png", id: "img_1", prompt: "a fox in the snow", model: "gpt-image-2", created: "2026-01-02T03:04:05Z", credits: 20)
        let environment = dir.isolatedEnvironment(["TERM": "tmux-256color", "LANG": "C.UTF-8", "PIXAPI_KEY": "sk-view-test"])
        let tmux = try TmuxSession(command: [PixtermBinary.url.path], environment: environment, width: 80, height: 24)
        try await tmux.waitFor(text: "Prompt")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        try tmux.send("v")
        // The picture fills the lines under the title, centred.
        let pictureLines = { (screen: String) in screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).prefix(20) }
        let viewed = try await tmux.waitFor("the full-screen view") { screen in
            screen.contains("1/1  a fox in the snow") && pictureLines(screen).contains { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        #expect(!viewed.contains("Gallery · 1 image"))
        #expect(viewed.contains("previous/next"))
        #expect(pictureLines(viewed).allSatisfy { $0.isEmpty || $0.hasPrefix(" ") })
        try tmux.send("Escape")
        let list = try await tmux.waitFor(text: "Gallery · 1 image")
        #expect(list.contains("gpt-image-2"))
        // Detection ran before curses started, and settled on half blocks behind tmux.
        try tmux.send("C-l")
        let log = try await tmux.waitFor(text: "previews: blocks because tmux blocks image sequences")
        #expect(log.contains("allow-passthrough"))
        try tmux.send("Escape")
        try await tmux.waitFor("the log to close") { !$0.contains("Session log") }
        try tmux.send("q")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    @Test func anUnknownGraphicsMethodIsRefused() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try await PixtermBinary.run(["ui", "--graphics", "ascii"], environment: dir.isolatedEnvironment())
        #expect(result.status != 0)
        #expect(result.stderr.contains("--graphics must be auto, kitty, iterm, sixel or blocks"))
    }
}
