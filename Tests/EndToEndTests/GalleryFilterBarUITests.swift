import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// In the gallery, `f` opens the filter bar; choosing a quality and pressing Enter narrows the
    /// list to that quality, the title says so, and Esc brings every image back.
    @Test func filterBarNarrowsTheGalleryByQuality() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let gallery = dir.url.appendingPathComponent("seeded")
        let seed = GallerySeed(folder: gallery)
        try seed.image("2026/10/01/100000-fox-aaaa0001-0.png", id: "aaaa0001-0", prompt: "low fox sketch", model: "gpt-image-2", created: "2026-10-01T10:00:00Z", credits: 3)
        try seed.image(
            "2026/10/02/100000-owl-bbbb0002-0.png", id: "bbbb0002-0", prompt: "high owl painting", model: "gpt-image-2", created: "2026-10-02T10:00:00Z", credits: 40,
            quality: "high")
        try seed.image(
            "2026/10/03/100000-cat-cccc0003-0.png", id: "cccc0003-0", prompt: "medium cat photo", model: "gpt-image-2", created: "2026-10-03T10:00:00Z", credits: 10,
            quality: "medium")
        let tmux = try launch(dir, sim: nil, arguments: ["--demo", "--gallery", gallery.path], width: 100, height: 30)
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.send("C-o")
        let all = try await tmux.waitFor(text: "Gallery · 3 images")
        #expect(all.contains("low fox sketch") && all.contains("high owl painting") && all.contains("medium cat photo"))

        try tmux.send("f")
        try await tmux.waitFor(text: "quality any")
        // Two fields right to quality; any → low → medium → high.
        for key in ["Right", "Right", "Down", "Down", "Down"] { try tmux.send(key) }
        try await tmux.waitFor(text: "quality high")
        try tmux.send("Enter")
        let narrowed = try await tmux.waitFor(text: "Gallery · 1 image · high (Esc clears)")
        #expect(narrowed.contains("high owl painting"))
        #expect(!narrowed.contains("low fox sketch") && !narrowed.contains("medium cat photo"), "only the high-quality image is listed:\n\(narrowed)")

        try tmux.send("Escape")
        let cleared = try await tmux.waitFor(text: "Gallery · 3 images")
        #expect(cleared.contains("low fox sketch") && !cleared.contains("Esc clears"))
    }
}
