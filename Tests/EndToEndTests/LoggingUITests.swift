import Foundation
import Testing
import TestSupport

/// `pixterm --verbose --log-file PATH` in a real terminal (tmux): the log goes to the file, never
/// onto the screen ncurses owns.
@Suite(.serialized) struct LoggingUITests {
    static let key = "sk-ui-logged-31c8"

    private func launch(_ dir: TemporaryDirectory, sim: SimulatorProcess, arguments: [String]) throws -> TmuxSession {
        let environment = dir.isolatedEnvironment([
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "PIXAPI_BASE_URL": sim.baseURL, "PIXAPI_KEY": Self.key,
        ])
        return try TmuxSession(command: [PixtermBinary.url.path] + arguments, environment: environment, width: 100, height: 30)
    }

    private func quit(_ tmux: TmuxSession) async throws {
        try tmux.send("C-c")
        try await tmux.waitFor(text: "press Ctrl+C again to quit")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    @Test func theUILogsItsRequestsRetriesAndJournalStepsToTheFileOnly() async throws {
        let sim = try SimulatorProcess(["--task-duration", "300"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try sim.schedule(#"[{"kind":"status","status":503,"path":"/v1/","message":"busy for \#(Self.key)"}]"#)
        let log = dir.path("ui.log")
        let tmux = try launch(dir, sim: sim, arguments: ["--verbose", "--log-file", log])
        try await tmux.waitFor(text: "Prompt")
        try tmux.type("a fox")
        try tmux.send("Enter")
        let done = try await tmux.waitFor(text: "✔ done")
        #expect(!done.contains(": request ") && !done.contains("journal:") && !done.contains("AsyncHTTPClient"), "\(done)")
        try await quit(tmux)

        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("status=503") && text.contains("status=200"), "\(text)")
        #expect(text.contains("retrying") && text.contains("attempt=1"), "\(text)")
        for step in ["journal: opened", "journal: image saved", "journal: closed"] {
            #expect(text.contains(step), "\(step) missing from:\n\(text)")
        }
        #expect(!text.contains(Self.key))
        #expect(!(try tmux.screen()).contains(Self.key))
    }

    @Test func verboseWithoutALogFileSaysInTheSessionLogThatNothingIsLogged() async throws {
        let sim = try SimulatorProcess()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim, arguments: ["--verbose"])
        try await tmux.waitFor(text: "Prompt")
        try tmux.type("a fox")
        try tmux.send("Enter")
        let done = try await tmux.waitFor(text: "✔ done")
        #expect(!done.contains(": request ") && !done.contains("journal:"), "\(done)")
        try tmux.send("C-l")
        try await tmux.waitFor(text: "--verbose logs nothing here")
        try tmux.send("Escape")
        try await quit(tmux)
    }
}
