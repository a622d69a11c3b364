import Foundation
import Testing
import TestSupport

/// The UI under the terminal types and colour settings people run it with: it draws, takes
/// wide characters, and never sends colours the terminal did not announce.
@Suite(.serialized) struct TerminalProfileTests {
    enum Colors: Sendable { case palette256, palette16, none }

    struct Profile: Sendable, CustomTestStringConvertible {
        let term: String
        let noColor: Bool
        let expected: Colors
        var testDescription: String { "TERM=\(term)\(noColor ? " NO_COLOR=1" : "")" }
    }

    static let profiles = [
        Profile(term: "xterm-256color", noColor: false, expected: .palette256),
        Profile(term: "screen-256color", noColor: false, expected: .palette256),
        Profile(term: "tmux-256color", noColor: false, expected: .palette256),
        Profile(term: "xterm", noColor: false, expected: .palette16),
        Profile(term: "xterm-256color", noColor: true, expected: .none),
    ]

    @Test(arguments: profiles) func demoGeneratesAndBrowsesWithOnlyTheAnnouncedColours(profile: Profile) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var environment = dir.isolatedEnvironment(["TERM": profile.term, "LANG": "C.UTF-8"])
        if profile.noColor { environment["NO_COLOR"] = "1" }
        let tmux = try TmuxSession(command: [PixtermBinary.url.path, "--demo"], environment: environment)
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        try tmux.type("灯台 at dusk 🌅")
        try await tmux.waitFor(text: "│灯台 at dusk 🌅")
        #expect(tmux.cursor.x == 1 + 15 && tmux.cursor.y == 2)
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        // The preview (half blocks, or a character ramp without colour) is drawn off the UI thread.
        let marks: Set<Character> = profile.expected == .none ? Set(".:-=+*#%@") : ["▀"]
        let browsing = try await tmux.waitFor("the preview") { screen in
            screen.split(separator: "\n").dropFirst(2).prefix(5).contains { line in
                line.split(separator: "│").last?.contains(where: marks.contains) == true
            }
        }
        #expect(browsing.contains("灯台 at dusk 🌅"))

        let colors = Self.colorParameters(in: try tmux.styledScreen())
        switch profile.expected {
        case .palette256:
            #expect(colors.contains("38;5"), "the preview uses the 256-colour palette")
            #expect(!colors.contains("38;2"))
        case .palette16:
            #expect(!colors.isEmpty)
            #expect(!colors.contains("38;5") && !colors.contains("48;5") && !colors.contains("38;2"))
        case .none:
            #expect(colors.isEmpty, "NO_COLOR: \(colors.sorted())")
        }
        try tmux.send("q")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    /// The colour parameters of every SGR sequence (`3x`, `4x`, `9x`, `10x`, and `38;5` /
    /// `38;2` / `48;5` / `48;2` for extended colours); attributes like bold are left out.
    static func colorParameters(in styled: String) -> Set<String> {
        var found = Set<String>()
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !("0"..."9").contains($0) && $0 != ";" }) else { break }
            if rest[end] == "m" {
                var parameters = rest[..<end].split(separator: ";", omittingEmptySubsequences: false).map(String.init)[...]
                while let parameter = parameters.popFirst() {
                    guard let value = Int(parameter) else { continue }
                    if value == 38 || value == 48, let kind = parameters.popFirst() {
                        found.insert("\(value);\(kind)")
                        parameters = parameters.dropFirst(kind == "5" ? 1 : 3)
                    } else if (30...37).contains(value) || (40...47).contains(value) || (90...97).contains(value) || (100...107).contains(value) {
                        found.insert(parameter)
                    }
                }
            }
            rest = rest[end...]
        }
        return found
    }
}
