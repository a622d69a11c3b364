import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// `--gallery DIR` is an explicit choice, so the demo's images land in DIR, whether the demo
    /// starts from `--demo` or from the first-run offer; its own folder gets none of them.
    @Test(arguments: [true, false]) func demoWritesToTheGalleryTheFlagNames(startedByFlag: Bool) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let chosen = dir.path("chosen gallery")
        let tmux = try launch(dir, sim: nil, arguments: (startedByFlag ? ["--demo"] : []) + ["--gallery", chosen])
        if !startedByFlag {
            try await tmux.waitFor(text: "No API key is configured")
            try tmux.send("d")
        }
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        #expect(Self.images(in: chosen).count == 1, "the image is in the gallery --gallery named")
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").isEmpty, "the demo's own folder stays empty")
    }

    /// Without `--gallery` the demo keeps to its own folder, even when the environment names
    /// the user's everyday gallery: demo images never mix with paid ones.
    @Test func demoWithoutTheFlagKeepsToItsOwnFolder() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let everyday = dir.path("everyday gallery")
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"], extra: ["PIXTERM_GALLERY": everyday])
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 1)
        #expect(Self.images(in: everyday).isEmpty, "the user's gallery gets no demo image")
    }

    /// The PNG files anywhere under `folder` (none when it does not exist).
    static func images(in folder: String) -> [String] {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        return files.filter { $0.hasSuffix(".png") }
    }
}
