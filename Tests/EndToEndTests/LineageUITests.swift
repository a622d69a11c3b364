import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// Generate in the demo, edit the image from the gallery with a new instruction, then follow
    /// the lineage: the edit names its source, `p` goes to the source, `]` back to the edit, and
    /// `b` shows the two side by side (one at a time, Space switching, on a narrow terminal).
    @Test func editFromTheGalleryThenFollowTheLineageAndCompare() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"], width: 100, height: 30)
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        let prompt = "A red fox in snow, 雪の中の赤い狐 🦊, watercolor"
        try tmux.type(prompt)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 60)

        // Edit from the gallery: an empty instruction, the source's prompt shown beside it.
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        try tmux.send("e")
        let editing = try await tmux.waitFor(text: "source: \(prompt)")
        #expect(editing.contains("Describe the change to make."), "the instruction starts empty:\n\(editing)")
        try tmux.type("make it night")
        let typed = try await tmux.waitFor(text: "│make it night")
        #expect(!typed.contains("watercolormake"), "typing does not run into the old prompt")
        try tmux.send("Enter")
        try await tmux.waitFor("the edit to finish", timeout: 90) { screen in
            screen.split(separator: "\n").contains { $0.contains("✔ done") && $0.contains("make it night") }
        }

        // The gallery keeps the source selected: it counts one edit. `]` goes to the edit, which
        // names its source beside a thumbnail; `p` back to the source, `]` to the edit again.
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 2 images")
        let source = try await tmux.waitFor(text: "edits: 1")
        #expect(!source.contains("edited from"))
        try tmux.send("]")
        try await tmux.waitFor(text: "edit 1 of 1 made from this image")
        let edit = try await tmux.waitFor(text: "edited from: A red fox in snow")
        #expect(edit.contains("▀▀▀▀▀▀ edited from:"), "a half-block thumbnail beside it:\n\(edit)")
        #expect(!edit.contains("edits: 1"))
        try tmux.send("p")
        try await tmux.waitFor(text: "the image this one was edited from")
        try await tmux.waitFor(text: "edits: 1")
        try tmux.send("]")
        try await tmux.waitFor(text: "edited from: A red fox in snow")

        // b: before and after side by side, each under its caption.
        try tmux.send("b")
        let compared = try await tmux.waitFor("both pictures") { screen in
            screen.split(separator: "\n").filter { line in
                let halves = line.split(separator: "│", maxSplits: 1)
                return halves.count == 2 && halves.allSatisfy { $0.contains("▀") }
            }.count > 5
        }
        let captions = compared.split(separator: "\n").first { $0.contains("before: ") } ?? ""
        #expect(captions.contains("before: A red fox in snow") && captions.contains("after: make it night"), "captions side by side:\n\(compared)")

        // Too narrow for two: one at a time, Space switches, a label says which.
        try tmux.resize(width: 64, height: 24)
        let after = try await tmux.waitFor(text: "after (Space: before): make it night")
        #expect(!after.contains("A red fox"))
        try tmux.send("Space")
        try await tmux.waitFor(text: "before (Space: after): A red fox in snow")
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Gallery · 2 images")
    }
}
