import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// The demo (its own ledger) with `[budget] daily = 20` at 120x40; the default request costs
    /// 14 credits, so the first fits and the second would cross the budget.
    func launchBudgeted(_ dir: TemporaryDirectory) throws -> TmuxSession {
        let config = dir.file("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[budget]\ndaily = 20\n".utf8).write(to: config)
        return try launch(dir, sim: nil, arguments: ["--demo"], width: 120, height: 40)
    }

    /// Runs `sql` on the demo's spend ledger with the sqlite3 shell, as another process would.
    func demoLedger(_ dir: TemporaryDirectory, _ sql: String) throws -> String {
        try Spawn.output(["/usr/bin/sqlite3", dir.path("data") + "/pixterm/demo/journal/ledger.sqlite", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aBudgetIsOnTheStatusLineAndGoingOverItIsAskedFirst() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launchBudgeted(dir)
        let start = try await tmux.waitFor(text: "today 0/20")
        #expect(start.split(separator: "\n").first?.hasSuffix(" today 0/20") == true)
        try tmux.type("a lighthouse")
        let fits = try await tmux.waitFor(text: "a lighthouse")
        #expect(!fits.contains("crosses the daily budget"))
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)

        // Spent 14 of 20: the status line says so, and the cost panel warns about the next one.
        let spent = try await tmux.waitFor(text: "today 14/20")
        #expect(spent.contains("crosses the daily budget: 14 of 20 spent today"))
        try tmux.type("a harbour")
        try tmux.send("Enter")
        let asked = try await tmux.waitFor(text: "Send it anyway, this once?")
        #expect(asked.contains("Over the daily budget of 20 credits: 14 spent today, 6 remain"))

        // n sends nothing: the prompt stays, one request in the ledger, one image.
        try tmux.send("n")
        let declined = try await tmux.waitFor("the question to close") { !$0.contains("Send it anyway") && $0.contains("not sent") }
        #expect(declined.contains("a harbour"))
        #expect(declined.components(separatedBy: "✔ done").count == 2)
        #expect(try demoLedger(dir, "SELECT count(*) FROM request") == "1")
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 1)

        // Enter asks again; y sends this one request over the budget.
        try tmux.send("Enter")
        try await tmux.waitFor(text: "Send it anyway, this once?")
        try tmux.send("y")
        try await tmux.waitFor("the second job to finish", timeout: 30) { $0.components(separatedBy: "✔ done").count == 3 }
        let over = try await tmux.waitFor(text: "today 28/20")
        #expect(over.split(separator: "\n").first?.hasSuffix(" today 28/20") == true)
        #expect(try demoLedger(dir, "SELECT credits, overBudget FROM request ORDER BY created") == "14|0\n14|1")
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 2)
    }

    /// Another pixterm spent after this one read the spend: the UI did not ask, the runner's
    /// check refused, and the jobs list says why; nothing was sent. `r` on it asks to go over.
    @Test func aRequestAnotherPixtermMadeOverBudgetIsListedAsOverBudget() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launchBudgeted(dir)
        try await tmux.waitFor(text: "today 0/20")
        _ = try demoLedger(
            dir,
            """
            INSERT INTO request VALUES ('another-pixterm', datetime('now'), date('now', 'localtime'), 'generate', 'sync', 'gpt-image-2',
                '1024x1024', 'low', 1, 10, 0.1, 'charged', 1, NULL, NULL, 0)
            """
        )
        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        let refused = try await tmux.waitFor(text: "✖ over budget")
        #expect(refused.contains("not sent: over the daily budget of 20 credits: 10 spent today, 10 remain"))
        #expect(!refused.contains("Send it anyway"))
        try await tmux.waitFor(text: "today 10/20")
        #expect(try demoLedger(dir, "SELECT count(*) FROM request") == "1")
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").isEmpty)

        // In Jobs, r asks (10 spent, 10 remain); y sends it over the budget.
        for _ in 0..<7 { try tmux.send("Tab") }
        try tmux.send("r")
        let asked = try await tmux.waitFor(text: "Send it anyway, this once?")
        #expect(asked.contains("Over the daily budget of 20 credits: 10 spent today, 10 remain"))
        try tmux.send("y")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        try await tmux.waitFor(text: "today 24/20")
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 1)
    }
}
