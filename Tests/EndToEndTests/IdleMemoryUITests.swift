import Foundation
import Testing
import TestSupport

extension TerminalUIEndToEndTests {
    /// Once the UI sits idle it lets go of the code startup ran (tens of MiB of the binary's and
    /// the libraries' pages), and it still works afterwards: the code it needs comes back.
    @Test func theIdleUILetsGoOfStartupCodeAndStillGenerates() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: nil, arguments: ["--demo"], width: 120, height: 40)
        try await tmux.waitFor(text: "DEMO - offline simulator, no credits spent")
        let pid = try tmux.paneFormat("#{pane_pid}")
        // Without the release a debug build keeps about 24 MiB of clean read-only file pages
        // mapped at idle (a static release build about 30 MiB); with it about 7.5 MiB stay, the
        // code the idle UI and its demo server run (a release build: about 5 MiB).
        let bound = 12 << 20
        var resident = try Self.cleanReadOnlyFileBytes(pid: pid)
        let deadline = Date().addingTimeInterval(15)
        while resident >= bound, Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            resident = try Self.cleanReadOnlyFileBytes(pid: pid)
        }
        #expect(resident < bound, "clean read-only file pages still mapped at idle: \(resident >> 20) MiB")

        try tmux.type("a lighthouse")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done", timeout: 30)
        #expect(Self.images(in: dir.path("data") + "/pixterm/demo/gallery").count == 1)
        try tmux.send("C-o")
        try await tmux.waitFor(text: "Gallery · 1 image")
        try tmux.send("C-c")
        try await tmux.waitFor(text: "press Ctrl+C again to quit")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    /// With a key, the HTTP client (and NIO's event loop threads under it) is made for the first
    /// request, not at start: an idle UI that has sent nothing has no event loop thread.
    @Test func theUIStartsNoEventLoopThreadBeforeItsFirstRequest() async throws {
        let sim = try SimulatorProcess(["--task-duration", "200"])
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tmux = try launch(dir, sim: sim)
        try await tmux.waitFor(text: "Prompt")
        let pid = try tmux.paneFormat("#{pane_pid}")
        try await Task.sleep(for: .seconds(1))
        let idle = try Self.threadNames(pid: pid)
        #expect(idle.filter { $0.hasPrefix("NIO-") }.isEmpty, "\(idle)")

        try tmux.type("a fox")
        try tmux.send("Enter")
        try await tmux.waitFor(text: "✔ done")
        let working = try Self.threadNames(pid: pid)
        #expect(working.contains { $0.hasPrefix("NIO-") }, "the request made the client: \(working)")
        try tmux.send("C-c")
        try await tmux.waitFor(text: "press Ctrl+C again to quit")
        try tmux.send("C-c")
        try await tmux.waitFor("the UI to exit") { _ in tmux.paneIsDead }
    }

    /// The names of a process's threads (`/proc/PID/task/*/comm`).
    static func threadNames(pid: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task").map {
            try String(contentsOfFile: "/proc/\(pid)/task/\($0)/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The resident pages of a process's read-only private file mappings that it never wrote
    /// (Rss less Anonymous), from `/proc/PID/smaps`: the code and constants it has mapped in.
    static func cleanReadOnlyFileBytes(pid: String) throws -> Int {
        let smaps = try String(contentsOfFile: "/proc/\(pid)/smaps", encoding: .utf8)
        var kilobytes = 0
        var counted = false
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let first = fields.first, fields.count > 1 else { continue }
            if first.contains("-"), !first.hasSuffix(":") {
                counted = fields.count >= 6 && fields[1].hasSuffix("p") && !fields[1].contains("w") && fields[5].hasPrefix("/")
            } else if counted, let value = Int(fields[1]) {
                if first == "Rss:" { kilobytes += value }
                if first == "Anonymous:" { kilobytes -= value }
            }
        }
        return kilobytes << 10
    }
}
