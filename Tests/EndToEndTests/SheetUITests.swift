import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// The demo, an n=4 job: Enter on it in the jobs list shows its four images side by side;
    /// keeping one sends the other three to the trash, the gallery lists one, and one `u` brings
    /// all three back; `s` in the gallery shows them side by side again.
    @Test func anN4JobsImagesSideBySideKeepOneAndUndo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.type("four paper owls")
        // Tab to the n picker (model, size, quality, n) and raise it to 4.
        for _ in 0..<4 { try tmux.send("Tab") }
        for _ in 0..<3 { try tmux.send("Right") }
        try await tmux.waitFor(text: "credits/image · 1K tier · n=4")
        for _ in 0..<4 { try tmux.send("BTab") }
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 60)
        let gallery = dir.path("data") + "/pixterm/demo/gallery"
        #expect(Self.images(in: gallery).count == 4)

        // Shift+Tab from the prompt goes round to the jobs list; Enter opens the sheet.
        try tmux.send("BTab")
        try await tmux.waitFor(text: "Enter details")
        try tmux.send("Enter")
        let sheet = try await tmux.waitFor("the four images side by side") { screen in
            screen.contains("4 images of one request · four paper owls") && (1...4).allSatisfy { screen.contains("\($0)/4 · ") }
        }
        let captions = sheet.split(separator: "\n").first { $0.contains("1/4 · ") } ?? ""
        #expect((1...4).allSatisfy { captions.contains("\($0)/4 · ") }, "all four on one row at 80 columns:\n\(sheet)")

        // Keep the second: the other three go to the trash in one step.
        try tmux.send("Right")
        try tmux.send("k")
        try await tmux.waitFor(text: "kept this image; 3 others moved to the gallery's trash — press u to undo")
        try await tmux.waitFor(text: "1 image of one request")
        #expect(Self.images(in: gallery).filter { !$0.hasPrefix(".trash") }.count == 1)
        #expect(Self.images(in: gallery).filter { $0.hasPrefix(".trash") }.count == 3)

        // Back to the jobs list, then the gallery: one image of the request is left.
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Enter details")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        try tmux.send("u")
        try await tmux.waitFor(text: "restored 3 images")
        try await tmux.waitFor(text: "Gallery · 4 images")
        #expect(Self.images(in: gallery).filter { !$0.hasPrefix(".trash") }.count == 4)

        // `s` on any of them: the whole request side by side again.
        try tmux.send("Down")
        try tmux.send("s")
        try await tmux.waitFor("the sheet from the gallery") { screen in
            screen.contains("4 images of one request") && (1...4).allSatisfy { screen.contains("\($0)/4 · ") }
        }
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Gallery · 4 images")
    }
}
