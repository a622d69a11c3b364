import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// A job whose answer was lost shows "outcome unknown" and "may have been charged"; `r`
    /// asks first, with the cost, and the retry under the same key is not charged again.
    @Test func aJobWhoseAnswerWasLostSaysSoAndRetriesOnlyAfterAsking() async throws {
        let sim = try SimulatorProcess(["--task-duration", "300", "--credits", "1000"])
        try sim.schedule(#"{"kind":"truncate","path":"/v1/async/images/generations"}"#)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim)
        try await tmux.waitFor(text: "Prompt")
        try tmux.type("a lost lighthouse")
        try tmux.send("Enter")
        let lost = try await tmux.waitFor(text: "outcome unknown")
        #expect(lost.contains("may have been charged"), "\(lost)")
        #expect(try sim.credits() == 986)

        // Tab to the jobs list: after the prompt, six settings.
        for _ in 0..<7 { try tmux.send("Tab") }
        try tmux.send("r")
        let asked = try await tmux.waitFor(text: "Send it again with the same Idempotency-Key?")
        #expect(asked.contains("14 credits"), "\(asked)")
        try tmux.send("y")
        try await tmux.waitFor(text: "✔ done")
        #expect(try sim.credits() == 986, "the retry under the same key was answered, not charged")
        let journal = dir.path("data") + "/pixterm/journal"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
        #expect(!entries.contains { $0.hasSuffix(".json") }, "the entry closed once its image was saved")
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }
}

extension TerminalUIEndToEndTests {
    /// An entry a `generate` left as "may have been charged" appears in the next UI's jobs as
    /// such, and is retried there only after asking.
    @Test func anEarlierLostAnswerIsListedAtStartAndRetriedAfterAsking() async throws {
        let sim = try SimulatorProcess(["--task-duration", "300", "--credits", "1000"])
        try sim.schedule(#"{"kind":"dropAfterWork","path":"/v1/images/generations"}"#)
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let environment = dir.isolatedEnvironment(["PIXAPI_KEY": Self.key, "PIXAPI_BASE_URL": sim.baseURL])
        let generated = try await PixtermBinary.run(["generate", "an earlier lighthouse", "-s", "1024x1024", "-q", "low"], environment: environment)
        #expect(generated.status == 3, "\(generated.stderr)")
        #expect(try sim.credits() == 999)

        let tmux = try launch(dir, sim: sim)
        let listed = try await tmux.waitFor(text: "outcome unknown")
        #expect(listed.contains("may have been charged") && listed.contains("1 cr"), "\(listed)")
        for _ in 0..<7 { try tmux.send("Tab") }
        try tmux.send("r")
        let asked = try await tmux.waitFor(text: "Send it again with the same Idempotency-Key?")
        #expect(asked.contains("1 credits"), "\(asked)")
        try tmux.send("y")
        try await tmux.waitFor(text: "✔ done")
        #expect(try sim.credits() == 999)
        try tmux.send("C-c")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }
}
