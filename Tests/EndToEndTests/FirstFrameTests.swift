import Foundation
import Testing
import TestSupport

/// The UI draws its first frame before it asks the terminal how to draw pictures (a round trip
/// that takes up to 600 ms over SSH), and keys typed while the terminal is slow to answer reach
/// the prompt. A pseudo-terminal plays the terminal, so the test decides when it answers.
@Suite struct FirstFrameTests {
    @Test func keysTypedWhileTheTerminalIsAskedReachThePrompt() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let environment = dir.isolatedEnvironment(["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        // Blocking reads, on a thread of their own rather than the test pool's.
        let executor = DedicatedThreadExecutor(name: "pty")
        defer { executor.stop() }
        try await withTaskExecutorPreference(executor) {
            let terminal = try PseudoTerminal([PixtermBinary.url.path, "--demo"], environment: environment)
            defer { terminal.end() }
            // DA1 (CSI c) ends the capability queries.
            let asked = terminal.read { $0.firstIndex(of: "\u{1B}[c") != nil }
            #expect(asked, "no DA1 query; output: \(String(decoding: terminal.output, as: UTF8.self))")
            let query = try #require(terminal.output.firstIndex(of: "\u{1B}[c"))
            #expect(Array(terminal.output[..<query]).firstIndex(of: "Prompt") != nil, "the first frame is drawn before the terminal is asked")

            // A prompt and Enter, typed before the terminal answers: the demo then makes the image.
            terminal.type(Array("zqx\r".utf8))
            try await Task.sleep(for: .milliseconds(300))
            #expect(terminal.output.firstIndex(of: "z", from: query + 3) == nil, "nothing is read as a key until the terminal answers")
            // XTVERSION and DA1 without sixel: half blocks, as most terminals get.
            terminal.type(Array("\u{1B}P>|SlowTerm 1.0\u{1B}\\\u{1B}[?62;22c".utf8))
            let saved = terminal.read(timeout: .seconds(60)) { _ in Self.sidecarPrompts(in: dir.url).contains("zqx") }
            #expect(saved, "the image of the prompt typed before the answer is in the gallery: \(Self.sidecarPrompts(in: dir.url))")
        }
    }

    /// The prompts of every sidecar under `folder`.
    static func sidecarPrompts(in folder: URL) -> [String] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "json" }.compactMap { file in
            guard let data = try? Data(contentsOf: file), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return object["prompt"] as? String
        }
    }
}
