import Foundation
import Testing
import TestSupport

/// The mouse in a real terminal: tmux receives SGR (1006) reports the way a terminal sends them
/// (`send-keys -l $'\e[<0;12;5M'`) and passes them to the UI only while it has asked for them.
extension TerminalUIEndToEndTests {
    /// The pane says which mouse modes the application turned on: button reporting with SGR
    /// coordinates while the UI runs, nothing once it has quit, and nothing at all with
    /// `mouse = false` in the config.
    @Test func thePaneReportsMouseModesOnAndOffWithTheConfigKey() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "DEMO - offline simulator")
        try await tmux.waitFor("mouse reporting") { _ in (try? tmux.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}")) == "1 1" }
        #expect(try tmux.paneFormat("#{mouse_button_flag} #{mouse_all_flag}") == "0 0", "no motion tracking: a drag stays a selection")
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
        #expect(try tmux.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}") == "0 0", "turned off at exit")

        let off = try TemporaryDirectory()
        defer { off.remove() }
        let config = off.file("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("mouse = false\n".utf8).write(to: config)
        let quiet = try launch(off, sim: nil, arguments: ["--demo"])
        try await quiet.waitFor(text: "DEMO - offline simulator")
        try await quiet.waitFor(text: "Describe the image you want")
        // The modes go out with the first frame, which is on screen now.
        #expect(try quiet.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}") == "0 0")
    }

    /// At 80x24 the n picker is on row 14 with its value from column 9: a click focuses it
    /// ("◂ 1 ▸"), a click on ▸ makes it 2 and the cost follows, a click on ◂ brings it back.
    @Test func clicksFocusAPickerAndChangeItsValue() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "Describe the image you want")
        try await tmux.waitFor("mouse reporting") { _ in (try? tmux.paneFormat("#{mouse_sgr_flag}")) == "1" }
        try tmux.click(row: 14, column: 9)
        try await tmux.waitFor(text: "n        ◂ 1 ▸")
        try tmux.click(row: 14, column: 13)
        let two = try await tmux.waitFor(text: "n        ◂ 2 ▸")
        #expect(two.contains("n=2"))
        try tmux.click(row: 14, column: 9)
        try await tmux.waitFor(text: "n        ◂ 1 ▸")
        // A click on the Model row's name focuses it, and the prompt takes typing only after a
        // click puts it back in focus.
        try tmux.click(row: 11, column: 2)
        try await tmux.waitFor(text: "Model    ◂ ")
        try tmux.click(row: 3, column: 10)
        try tmux.type("a fox")
        try await tmux.waitFor(text: "│a fox")
    }

    /// A click puts the caret where it lands, counting display columns: on the right half of
    /// the wide "の" it goes before it, never inside it; typed text goes there.
    @Test func aClickPlacesTheCaretInThePromptByDisplayWidth() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "Describe the image you want")
        try tmux.type("a red fox 雪の中の狐 🦊")
        try await tmux.waitFor(text: "a red fox 雪の中の狐 🦊")
        // The text starts at column 1; "a red fox 雪" is 12 columns, "の" takes 13 and 14.
        try tmux.click(row: 2, column: 14)
        try await tmux.waitFor("the caret before の") { _ in tmux.cursor.x == 13 && tmux.cursor.y == 2 }
        try tmux.type("X")
        try await tmux.waitFor(text: "a red fox 雪Xの中の狐 🦊")
    }

    /// Two images in the demo's gallery: a click on a job focuses the jobs list; in the gallery a
    /// click selects the second image, a double click opens it full screen, the wheel pages there,
    /// and in the list the wheel moves the selection; the grid's thumbnails take clicks too.
    @Test func clicksAndTheWheelInTheGallery() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "Describe the image you want")
        for prompt in ["an owl of paper", "a lighthouse at dusk"] {
            try tmux.type(prompt)
            try tmux.send("Enter")
            try await tmux.waitFor("\(prompt) done", timeout: 30) { $0.components(separatedBy: "✔ done").count > (prompt.hasPrefix("an owl") ? 1 : 2) }
        }
        // A click on the second job (rows 18 and 19 under the Jobs rule) focuses the jobs list.
        try tmux.click(row: 19, column: 40)
        try await tmux.waitFor(text: "Enter details")
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 2 images")
        // Newest first: the lighthouse on row 2, the owl on row 3; the details pane follows the selection.
        try tmux.click(row: 3, column: 5)
        try await tmux.waitFor("the owl selected") { $0.contains("│ an owl of paper") }
        try tmux.click(row: 3, column: 5)
        try await tmux.waitFor(text: "2/2  an owl of paper")
        try tmux.wheel(up: true, row: 10, column: 40)
        try await tmux.waitFor(text: "1/2  a lighthouse at dusk")
        try tmux.send("Escape")
        try await tmux.waitFor(text: "Gallery · 2 images")
        try tmux.wheel(up: false, row: 5, column: 5)
        try await tmux.waitFor("the owl selected by the wheel") { $0.contains("│ an owl of paper") }
        try tmux.wheel(up: true, row: 5, column: 5)
        try await tmux.waitFor("the lighthouse selected by the wheel") { $0.contains("│ a lighthouse at dusk") }

        // The grid (three thumbnails a row at 80x24, the second from column 27): a click on the
        // owl's thumbnail selects it, a double click opens it.
        try tmux.send("g")
        try await tmux.waitFor(text: "1/2  a lighthouse at dusk ·")
        try tmux.click(row: 5, column: 35)
        try await tmux.waitFor(text: "2/2  an owl of paper ·")
        try tmux.click(row: 5, column: 35)
        try tmux.click(row: 5, column: 35)
        try await tmux.waitFor("the owl full screen") { $0.contains("2/2  an owl of paper") && !$0.contains("Gallery · 2 images") }
    }

    /// The wheel scrolls the help overlay, whose lines run past an 80x24 screen.
    @Test func theWheelScrollsTheHelp() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"])
        try await tmux.waitFor(text: "Describe the image you want")
        try tmux.send("F1")
        try await tmux.waitFor(text: "↓ more")
        try tmux.wheel(up: false, row: 12, column: 40)
        try await tmux.waitFor(text: "↑ more")
        try tmux.wheel(up: true, row: 12, column: 40)
        try await tmux.waitFor("the help back at its top") { !$0.contains("↑ more") && $0.contains("↓ more") }
    }
}

extension TerminalUIEndToEndTests {
    /// Stopped as a shell job (`kill -TSTP`; Ctrl+Z is a key in the UI's raw mode), the UI turns
    /// mouse reporting off for the shell it hands the terminal back to, and on again at `fg`.
    @Test func aSuspendedUITurnsMouseReportingOffUntilItResumes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var environment = dir.isolatedEnvironment(["TERM": "tmux-256color", "LANG": "C.UTF-8", "PS1": "job-shell$ "])
        environment["PATH"] = "/usr/local/bin:/usr/bin:/bin"
        let tmux = try TmuxSession(command: ["bash", "--norc", "--noprofile", "-i"], environment: environment)
        try await tmux.waitFor(text: "job-shell$")
        try tmux.type(TmuxSession.shellQuote(PixtermBinary.url.path) + " --demo")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "Describe the image you want")
        try await tmux.waitFor("mouse reporting") { _ in (try? tmux.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}")) == "1 1" }
        let shell = try #require(Int32(try tmux.paneFormat("#{pane_pid}")))
        let ui = try #require(Self.child(of: shell), "the UI runs as the shell's job")
        kill(ui, SIGTSTP)
        try await tmux.waitFor("the shell back with mouse reporting off") { screen in
            screen.contains("Stopped") && (try? tmux.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}")) == "0 0"
        }
        try tmux.type("fg")
        try tmux.send("Enter")
        try await tmux.waitFor("the UI back with mouse reporting on") { screen in
            screen.contains("Describe the image you want") && (try? tmux.paneFormat("#{mouse_any_flag} #{mouse_sgr_flag}")) == "1 1"
        }
        try tmux.click(row: 14, column: 9)
        try await tmux.waitFor(text: "n        ◂ 1 ▸")
    }

    /// The first process whose parent is `parent`, from /proc.
    static func child(of parent: Int32) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // "pid (comm) state ppid ...": the command name may hold spaces, so read after ")".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == parent { return pid }
        }
        return nil
    }
}
