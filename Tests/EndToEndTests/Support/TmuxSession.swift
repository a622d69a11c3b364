import Foundation

/// A real terminal for UI tests: a detached tmux session on a private socket, driven with
/// `send-keys` and read with `capture-pane`, as a person at a keyboard would.
final class TmuxSession {
    let socket: String
    let name = "pixterm"

    init(command: [String], environment: [String: String], width: Int = 80, height: Int = 24) throws {
        socket = "pixterm-test-\(UUID().uuidString.prefix(8))"
        let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.shellQuote($0.value))" }
        // The test runner's own colour settings (swift test may set NO_COLOR) must not leak in.
        let unset = ["NO_COLOR", "COLORTERM"].filter { environment[$0] == nil }.flatMap { ["-u", $0] }
        let line = (["env"] + unset + exports + command.map(Self.shellQuote)).joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), line])
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Sends keys in tmux's syntax (`C-c`, `Enter`, `Tab`...); `literal` sends text as typed.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) throws { try send(text, literal: true) }

    /// Pastes `text` the way a terminal does, bracketed when the application asked for it.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "test", text])
        try tmux(["paste-buffer", "-p", "-b", "test", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as text, one line per row.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// The visible screen with tmux's record of each cell's attributes and colours as SGR
    /// escape sequences: what the application asked the terminal to show.
    func styledScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-e", "-t", name])
    }

    var cursor: (x: Int, y: Int) {
        let text = (try? tmux(["display-message", "-p", "-t", name, "#{cursor_x} #{cursor_y}"])) ?? "0 0"
        let parts = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (parts.first ?? 0, parts.last ?? 0)
    }

    /// A pane format (`#{mouse_sgr_flag}`...) as tmux expands it now: what modes the application
    /// has turned on.
    func paneFormat(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends what a terminal sends for a mouse button press and its release at a zero-based cell
    /// in SGR (1006) encoding: `\e[<0;x;yM`, then `\e[<0;x;ym`.
    func click(row: Int, column: Int) throws {
        try send("\u{1B}[<0;\(column + 1);\(row + 1)M", literal: true)
        try send("\u{1B}[<0;\(column + 1);\(row + 1)m", literal: true)
    }

    /// Sends one wheel notch (up or down) at a zero-based cell, as SGR reports it.
    func wheel(up: Bool, row: Int, column: Int) throws {
        try send("\u{1B}[<\(up ? 64 : 65);\(column + 1);\(row + 1)M", literal: true)
    }

    var paneIsDead: Bool {
        ((try? tmux(["display-message", "-p", "-t", name, "#{pane_dead}"])) ?? "1").hasPrefix("1")
    }

    /// Waits until `predicate` holds for the screen, returning it; throws with the last screen.
    /// See `ScreenWait` for when it gives up. Sleeps between looks without holding one of the
    /// cooperative threads other tests need.
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, _ predicate: (String) -> Bool) async throws -> String {
        try await ScreenWait(what: what, deadline: Date().addingTimeInterval(timeout)).run(
            look: screen, holds: predicate, now: Date.init, pause: { try await Task.sleep(for: .milliseconds(50)) })
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 20) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Spawn.output(["tmux", "-L", socket] + arguments)
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
