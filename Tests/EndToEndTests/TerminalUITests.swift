import Foundation
import Testing
import TestSupport

/// The full-screen UI in a real terminal (tmux), driven with keys as a person would, against
/// `pixterm sim` on loopback or the built-in demo.
@Suite(.serialized) struct TerminalUIEndToEndTests {
    static let key = "sk-ui-secret-77aa"

    func launch(
        _ dir: TemporaryDirectory, sim: SimulatorProcess?, arguments: [String] = [], width: Int = 80, height: Int = 24,
        extra: [String: String] = [:]
    ) throws -> TmuxSession {
        var environment = dir.isolatedEnvironment(["TERM": "tmux-256color", "LANG": "C.UTF-8"])
        if let sim {
            environment["PIXAPI_BASE_URL"] = sim.baseURL
            environment["PIXAPI_KEY"] = Self.key
        }
        environment.merge(extra) { $1 }
        return try TmuxSession(command: [PixtermBinary.url.path] + arguments, environment: environment, width: width, height: height)
    }

    @Test func composeSubmitBrowseReuseAndQuit() async throws {
        let sim = try SimulatorProcess(["--task-duration", "400"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim)
        try await tmux.waitFor(text: "Prompt")

        // A prompt with CJK and emoji: the caret sits after its display width (23 columns + the frame).
        try tmux.type("a red fox 雪の中の狐 🦊")
        let typed = try await tmux.waitFor(text: "a red fox 雪の中の狐 🦊")
        #expect(typed.contains("17 / 32,000"))
        #expect(tmux.cursor.x == 1 + 23 && tmux.cursor.y == 2)

        // Size to the 2K preset: the live cost changes.
        let before = try await tmux.waitFor(text: "14 credits/image · 1K tier")
        #expect(before.contains("14 credits"))
        try tmux.send("Tab")
        try tmux.send("Tab")
        for _ in 0..<4 { try tmux.send("Right") }
        let priced = try await tmux.waitFor(text: "2048x2048")
        #expect(priced.contains("2K tier"))
        #expect(!priced.contains("1K tier"))

        // Submit; the job finishes in the background and its image lands in the gallery.
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done")
        let gallery = dir.path("data") + "/pixterm/gallery"
        let files = (FileManager.default.enumerator(atPath: gallery)?.allObjects as? [String]) ?? []
        #expect(files.filter { $0.hasSuffix(".png") }.count == 1)
        #expect(files.filter { $0.hasSuffix(".png.json") }.count == 1)

        try tmux.send("C-o")
        let browser = try await tmux.waitFor(text: "Gallery · 1 image")
        #expect(browser.contains("a red fox"))
        try await tmux.waitFor(text: "gpt-image-2 · 2048x2048")

        // Back to defaults, then "reuse" brings the prompt and the 2K size back.
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Describe the image you want")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        try tmux.send("r")
        let reused = try await tmux.waitFor(text: "settings and prompt copied")
        #expect(reused.contains("a red fox 雪の中の狐 🦊"))
        #expect(reused.contains("Size     2048x2048"))

        try tmux.send("C-c")
        try await tmux.waitFor(text: "press Ctrl+C again to quit")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
        #expect(!(try tmux.screen()).contains(Self.key))
    }

    @Test func firstRunWithoutAKeyOffersTheDemo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil)
        let welcome = try await tmux.waitFor(text: "No API key is configured")
        #expect(welcome.contains("PIXAPI_KEY"))
        try tmux.send("d")
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        let demoGallery = dir.path("data") + "/pixterm/demo/gallery"
        let files = (FileManager.default.enumerator(atPath: demoGallery)?.allObjects as? [String]) ?? []
        #expect(files.contains { $0.hasSuffix(".png") })
        #expect(!FileManager.default.fileExists(atPath: dir.path("data") + "/pixterm/gallery/2026"))
    }

    @Test func pasteInsertsTextAndNeverSubmits() async throws {
        let sim = try SimulatorProcess()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim)
        try await tmux.waitFor(text: "Prompt")
        try tmux.paste("first line\nsecond line\n")
        let screen = try await tmux.waitFor(text: "second line")
        #expect(screen.contains("│first line"))
        #expect(screen.contains("No jobs yet"))
        #expect(try sim.receivedRequests().isEmpty)
    }

    @Test func customSizeIsCheckedAsYouType() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "DEMO")
        try tmux.send("Tab")
        try tmux.send("Tab")
        try tmux.send("Left")
        try await tmux.waitFor(text: "custom:")
        try tmux.type("1000x1000")
        let invalid = try await tmux.waitFor(text: "1008x1008")
        #expect(invalid.contains("multiples of"))
        for _ in 0..<9 { try tmux.send("BSpace") }
        try tmux.type("1008x1008")
        let valid = try await tmux.waitFor(text: "credits/image")
        #expect(!valid.contains("multiples of"))
        #expect(valid.contains("custom: 1008x1008"))
    }

    @Test func tooSmallAndResize() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "DEMO")
        try tmux.resize(width: 40, height: 12)
        try await tmux.waitFor(text: "terminal too small")
        try tmux.resize(width: 100, height: 30)
        let wide = try await tmux.waitFor(text: "Prompt")
        #expect(wide.split(separator: "\n").first.map { $0.count > 80 } == true)
    }

    @Test func quittingWithPaidJobsAsksFirst() async throws {
        let sim = try SimulatorProcess(["--task-duration", "20000"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim)
        try await tmux.waitFor(text: "Prompt")
        try tmux.type("a slow one")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "1 job running")
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor(text: "still running")
        try tmux.send("n")
        try await tmux.waitFor(text: "a slow one")
        #expect(!tmux.paneIsDead)
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor(text: "still running")
        try tmux.send("y")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
        // The paid task stays in the journal for the next start.
        let journal = dir.path("data") + "/pixterm/journal"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
        #expect(entries.contains { $0.hasSuffix(".json") })
    }
}
