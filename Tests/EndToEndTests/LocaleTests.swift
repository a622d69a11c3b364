import Foundation
import Testing

/// The UI started where the environment sets no UTF-8 locale (`LANG=C`, `LC_ALL=C`), as on
/// many servers and containers: the frame must still be drawn and typed non-ASCII text kept.
@Suite(.serialized) struct NoUTF8LocaleEndToEndTests {
    @Test(arguments: ["LANG", "LC_ALL"])
    func demoDrawsItsFrameAndKeepsTypedTextUnderACLocale(variable: String) async throws {
        let dir = try TemporaryDirectory()
        // env -i: nothing of the test runner's locale (CI sets LC_ALL=C.UTF-8) reaches pixterm.
        let tmux = try TmuxSession(
            command: NoUTF8LocaleUI.command(dir, locale: [variable: "C"], term: "tmux-256color"), environment: [:])
        try await NoUTF8LocaleUI.check(tmux, dir, origin: "\(variable)=C")
    }
}

/// What both the tmux and the ssh test check: the scenario of issue 10, section 7.
enum NoUTF8LocaleUI {
    static let typed = "a 猫 riding"

    /// `pixterm --demo` under `env -i`: only an isolated HOME and XDG folders, TERM, PATH and `locale`.
    static func command(_ dir: TemporaryDirectory, locale: [String: String], term: String) -> [String] {
        var environment = dir.isolatedEnvironment(locale)
        environment["TERM"] = term
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        return ["env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [PixtermBinary.url.path, "--demo"]
    }

    /// The frame is drawn, the locale switch is said once, `typed` shows whole in the prompt and
    /// reaches the gallery's sidecar whole when submitted.
    static func check(_ tmux: TmuxSession, _ dir: TemporaryDirectory, origin: String) async throws {
        let notice = "locale had no UTF-8 (\(origin)): using "
        let start = try await tmux.waitFor("the frame and the locale notice") { $0.contains("─ Prompt ─") && $0.contains(notice) }
        #expect(start.components(separatedBy: "locale had no UTF-8").count == 2, "said once:\n\(start)")
        #expect(start.contains("┌") && start.contains("┐") && start.contains("└") && start.contains("┘") && start.contains("│"))

        try tmux.type(typed)
        // Right after the frame's left edge, whole: no placeholder, nothing dropped.
        try await tmux.waitFor(text: "│" + typed + " ")
        try tmux.send("Enter")
        let finished = try await tmux.waitFor("the job to finish", timeout: 60) { $0.contains("✔ done") || $0.contains("✖") }
        #expect(finished.contains("✔ done"), "\(finished)")
        let gallery = URL(fileURLWithPath: dir.path("data") + "/pixterm/demo/gallery")
        let sidecars = (FileManager.default.enumerator(at: gallery, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.path.hasSuffix(".png.json") }
        #expect(sidecars.count == 1)
        for sidecar in sidecars {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: sidecar)) as? [String: Any]
            #expect(json?["prompt"] as? String == typed)
        }
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit", timeout: 20) { _ in tmux.paneIsDead }
    }
}
