import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// A gallery of `count` images a minute apart, the newest last made: every fourth prompt
    /// is about a fox ("a fox scene 0", "a quiet scene 1", ...).
    func seedGridGallery(_ dir: TemporaryDirectory, count: Int) throws {
        let seed = GallerySeed(folder: URL(fileURLWithPath: dir.path("data") + "/pixterm/gallery"))
        let start = Date(timeIntervalSince1970: 1_767_322_800)  // 2026-01-02 03:00 UTC
        for index in 0..<count {
            let created = start.addingTimeInterval(Double(index) * 60).ISO8601Format()
            let prompt = index % 4 == 0 ? "a fox scene \(index)" : "a quiet scene \(index)"
            try seed.image("2026/01/\(index).png", id: "img_\(index)", prompt: prompt, model: "gpt-image-2", created: created, credits: 20)
        }
    }

    /// The line under the grid: "position/total  prompt · model · ...".
    func gridDetails(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("/") && $0.contains(" · gpt-image-2") }.map(String.init) ?? ""
    }

    /// `g` shows the grid; arrows and h j k l move, PgDn and End go past the first page of 200
    /// (the rest loads behind the keys), Enter opens the full-screen view and Esc comes back,
    /// `d` deletes the selected thumbnail and `u` brings it back, `/` filters.
    @Test func theGridNavigatesOpensDeletesWithUndoAndFilters() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try seedGridGallery(dir, count: 450)
        let tmux = try launch(dir, sim: nil, extra: ["PIXAPI_KEY": "sk-grid-test"])
        try await tmux.waitFor(text: "Prompt")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 450 images")
        try tmux.send("g")
        // 80x24: three thumbnails a row, each with a caption: time, prompt, credits.
        let grid = try await tmux.waitFor("the grid") { $0.contains("g list") && $0.contains("1/450  a quiet scene 449") }
        let captions = grid.split(separator: "\n").filter { $0.components(separatedBy: " 20 cr").count - 1 == 3 }
        #expect(captions.count == 2, "\(grid)")

        // Keys, then the selected image named under the grid (the newest, 449, comes first).
        let moves: [([String], String)] = [
            (["l"], "2/450  a fox scene 448"), (["j"], "5/450  a quiet scene 445"), (["Down", "Left"], "7/450  a quiet scene 443"),
            (["PageDown"], "13/450  a quiet scene 437"), (["End"], "450/450  a fox scene 0"), (["Home"], "1/450  a quiet scene 449"),
            (Array(repeating: "PageDown", count: 40), "241/450  a quiet scene 209"),
        ]
        for (keys, selected) in moves {
            for key in keys { try tmux.send(key) }
            try await tmux.waitFor(text: selected)
        }

        // The full-screen view opens on the selected thumbnail; Esc comes back to the grid.
        try tmux.send("Home")
        try tmux.send("l")
        try await tmux.waitFor(text: "2/450  a fox scene 448")
        try tmux.send("Enter")
        let viewed = try await tmux.waitFor(text: "2/450  a fox scene 448\n")
        #expect(viewed.contains("previous/next") && !viewed.contains("g list"))
        try tmux.send("Escape")
        try await tmux.waitFor("the grid again") { $0.contains("g list") && $0.contains("2/450  a fox scene 448 ·") }

        // Delete the selected thumbnail: the next takes its place; u brings it back (and the
        // selection stays on the image it was on).
        try tmux.send("d")
        let deleted = try await tmux.waitFor(text: "press u to undo")
        #expect(deleted.contains("deleted 448.png"))
        try await tmux.waitFor("the grid without it") { $0.contains("Gallery · 449 images") && $0.contains("2/449  a quiet scene 447") }
        try tmux.send("u")
        try await tmux.waitFor(text: "restored 448.png")
        try await tmux.waitFor("the image back") { $0.contains("Gallery · 450 images") && $0.contains("3/450  a quiet scene 447") }
        try tmux.send("h")
        try await tmux.waitFor(text: "2/450  a fox scene 448")

        // `/` filters the grid as it does the list.
        try tmux.send("/")
        try await tmux.waitFor(text: "Filter:")
        try tmux.type("fox")
        try tmux.send("Enter")
        let filtered = try await tmux.waitFor(text: "Gallery · 113 images matching “fox”")
        #expect(filtered.contains("g list") && gridDetails(filtered).hasPrefix("1/113  a fox scene 448"))
        #expect(!filtered.contains("quiet"))
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Gallery · 450 images")
        try tmux.send("q")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    /// The list or grid choice outlives the process: saved when `g` is pressed, read at start.
    @Test func theGridOrListChoiceIsRememberedAfterARestart() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try seedGridGallery(dir, count: 5)
        func run(pressing keys: [String], expecting footer: String) async throws {
            let tmux = try launch(dir, sim: nil, extra: ["PIXAPI_KEY": "sk-grid-test"])
            try await tmux.waitFor(text: "Prompt")
            try tmux.send("C-o")
            try await tmux.waitFor(text: "Gallery · 5 images")
            for key in keys { try tmux.send(key) }
            try await tmux.waitFor(text: footer)
            try tmux.send("q")
            try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
        }
        let saved = dir.path("data") + "/pixterm/gallery-view"
        try await run(pressing: [], expecting: "g grid")
        try await run(pressing: ["g"], expecting: "g list")
        #expect(try String(contentsOfFile: saved, encoding: .utf8) == "grid\n")
        // Started again, the gallery opens as a grid; switching back to the list is kept too.
        try await run(pressing: [], expecting: "g list")
        try await run(pressing: ["g"], expecting: "g grid")
        try await run(pressing: [], expecting: "g grid")
        #expect(try String(contentsOfFile: saved, encoding: .utf8) == "list\n")
    }
}
