import Foundation
import Testing
import TestSupport

/// The UI started where the environment sets no UTF-8 locale (`LANG=C`, `LC_ALL=C`), as on
/// many servers and containers: the frame must still be drawn and typed non-ASCII text kept.
@Suite(.serialized) struct NoUTF8LocaleEndToEndTests {
    @Test(arguments: ["LANG", "LC_ALL"])
    func demoDrawsItsFrameAndKeepsTypedTextUnderACLocale(variable: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // env -i: nothing of the test runner's locale (CI sets LC_ALL=C.UTF-8) reaches pixterm.
        let tmux = try TmuxSession(
            command: NoUTF8LocaleUI.command(dir, locale: [variable: "C"], term: "tmux-256color"), environment: [:])
        try await NoUTF8LocaleUI.check(tmux, dir, expecting: .switched(origin: "\(variable)=C"))
    }

    /// Where no UTF-8 locale can be had (here: none may be tried), frames come from the
    /// terminal's line-drawing set and typed UTF-8 is still decoded, shown as placeholders.
    @Test func withNoUTF8LocaleToSwitchToFramesUseLineDrawingAndTypedTextIsKept() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let locale = ["LANG": "C", "PIXTERM_UTF8_LOCALES": ""]
        let tmux = try TmuxSession(command: NoUTF8LocaleUI.command(dir, locale: locale, term: "tmux-256color"), environment: [:])
        try await NoUTF8LocaleUI.check(tmux, dir, expecting: .singleByte(origin: "LANG=C"))
    }
}

/// What the tmux and the ssh tests check: the scenario of issue 10, section 7.
enum NoUTF8LocaleUI {
    static let typed = "a 猫 riding"

    enum Outcome {
        /// Switched to a UTF-8 locale: Unicode frames, text shown as typed.
        case switched(origin: String)
        /// No UTF-8 locale: ACS frames, wide characters as "??".
        case singleByte(origin: String)

        var notice: String {
            switch self {
            case .switched(let origin): "locale had no UTF-8 (\(origin)): using "
            case .singleByte(let origin): "no UTF-8 locale to switch to (\(origin)): non-ASCII text shows as ? but is kept"
            }
        }

        /// The prompt box's top-left corner and title, and the typed text after the left edge.
        /// tmux keeps ACS cells as their acsc letters ("l" corner, "q" line, "x" edge), which
        /// the terminal outside shows as lines.
        var frameTop: String { if case .switched = self { "┌─ Prompt ─" } else { "lq Prompt q" } }
        var frameBottom: String { if case .switched = self { "└──" } else { "mqq" } }
        var shownTyped: String { if case .switched = self { "│" + typed + " " } else { "xa ?? riding " } }
    }

    /// `pixterm --demo` under `env -i`: only an isolated HOME and XDG folders, TERM, PATH and `locale`.
    static func command(_ dir: TemporaryDirectory, locale: [String: String], term: String) -> [String] {
        var environment = dir.isolatedEnvironment(locale)
        environment["TERM"] = term
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        return ["env", "-i"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [PixtermBinary.url.path, "--demo"]
    }

    /// The frame is drawn, the locale notice is said once, `typed` shows in the prompt with
    /// nothing dropped, and reaches the gallery's sidecar whole when submitted.
    static func check(_ tmux: TmuxSession, _ dir: TemporaryDirectory, expecting outcome: Outcome) async throws {
        let start = try await tmux.waitFor("the frame and the locale notice") { $0.contains(outcome.frameTop) && $0.contains(outcome.notice) }
        #expect(start.components(separatedBy: outcome.notice).count == 2, "said once:\n\(start)")
        #expect(start.contains(outcome.frameBottom))

        try tmux.type(typed)
        try await tmux.waitFor(text: outcome.shownTyped)
        try tmux.send("Enter")
        let finished = try await tmux.waitFor("the job to finish", timeout: 60) { $0.contains("done: 1 image") || $0.contains("failed") }
        #expect(finished.contains("done: 1 image"), "\(finished)")
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
