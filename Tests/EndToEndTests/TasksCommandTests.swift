import Foundation
import PixapiSimulator
import Testing
import TestSupport

/// `pixterm tasks`: a `generate` killed mid-job leaves a journal entry that a later pixterm
/// lists, finishes or dismisses.
@Suite struct TasksCommandTests {
    struct Setup {
        let dir: TemporaryDirectory
        let simulator: RunningSimulator
        /// The simulator's clock: an async task finishes only when the test moves it 3 s on.
        let clock: TestClock
        var environment: [String: String] { dir.isolatedEnvironment(["PIXAPI_KEY": "sk-e2e-test", "PIXTERM_GALLERY": dir.path("gallery")]) }
        var base: String { simulator.baseURL.absoluteString }
        var journal: URL { dir.url.appendingPathComponent("data/pixterm/journal") }

        func run(_ arguments: [String]) async throws -> PixtermBinary.Output {
            try await PixtermBinary.run(arguments, environment: environment)
        }

        func tasks() async throws -> [[String: Any]] {
            let output = try await run(["tasks", "--json"])
            #expect(output.status == 0, "\(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        }

        /// Runs `generate` and kills it (SIGKILL, no cleanup) once its journal entry says `contains`.
        func generateAndKill(_ arguments: [String], whenJournalContains marker: String) async throws {
            let process = try PixtermBinary.start(["generate"] + arguments + ["--base-url", base], environment: environment)
            defer {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()  // immediate after SIGKILL
            }
            let recorded = try await PixtermBinary.wait(timeout: 20) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
                return names.contains { name in
                    name.hasSuffix(".json") && ((try? String(contentsOf: journal.appendingPathComponent(name), encoding: .utf8))?.contains(marker) ?? false)
                }
            }
            #expect(recorded, "the journal never recorded \(marker)")
        }

        static func with(latency: Duration = .zero, _ body: (Setup) async throws -> Void) async throws {
            let clock = TestClock()
            try await withSimulator(SimulatorConfiguration(latency: latency, taskDuration: .seconds(3), now: { clock.now })) { simulator in
                let setup = Setup(dir: try TemporaryDirectory(), simulator: simulator, clock: clock)
                defer { setup.dir.remove() }
                try await body(setup)
            }
        }
    }

    @Test func aKilledAsyncGenerateIsListedThenResumedOnce() async throws {
        try await Setup.with { setup in
            try await setup.generateAndKill(["a lighthouse at dusk", "-n", "2", "-q", "low", "--async"], whenJournalContains: "\"taskID\"")
            let open = try await setup.tasks()
            #expect(open.count == 1)
            let entry = try #require(open.first)
            #expect(entry["state"] as? String == "resumable")
            #expect(entry["claimed"] as? Bool == false)
            #expect(entry["n"] as? Int == 2 && entry["cost"] as? Int != nil)
            #expect((entry["taskID"] as? String)?.isEmpty == false)
            let listed = try await setup.run(["tasks"])
            #expect(listed.stdout.contains(entry["id"] as? String ?? "?") && listed.stdout.contains("resumable"))

            let elsewhere = try await setup.run(["tasks", "resume", "--base-url", "http://127.0.0.1:9"])
            #expect(elsewhere.status == 0 && elsewhere.stdout.isEmpty)
            #expect(elsewhere.stderr.contains("resume it with --base-url \(setup.base)"))

            setup.clock.advance(by: 3)
            let resumed = try await setup.run(["tasks", "resume", "--base-url", setup.base, "--json"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let paths = try #require(try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String])
            #expect(paths.count == 2)
            #expect(paths.allSatisfy { $0.hasPrefix(setup.dir.path("gallery") + "/") && FileManager.default.fileExists(atPath: $0) })
            #expect(try await setup.tasks().isEmpty)

            let again = try await setup.run(["tasks", "resume", "--base-url", setup.base])
            #expect(again.status == 0 && again.stdout.isEmpty)
            let gallery = try await setup.run(["gallery", "list", "--json"])
            #expect(gallery.stdout.contains("\"total\" : 2"))
            let submits = await setup.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(submits.count == 1, "resuming never submits again")
        }
    }

    @Test func anUnknownOutcomeIsNeverResentAndCanBeDismissed() async throws {
        try await Setup.with(latency: .seconds(10)) { setup in
            try await setup.generateAndKill(["a slow one", "-q", "low"], whenJournalContains: "\"pending\"")
            let entry = try #require(try await setup.tasks().first)
            let id = try #require(entry["id"] as? String)
            #expect(entry["state"] as? String == "outcome unknown: may have been charged")
            #expect((entry["idempotencyKey"] as? String)?.hasPrefix("pixterm-") == true)

            let resumed = try await setup.run(["tasks", "resume", "--base-url", setup.base])
            #expect(resumed.status == 0 && resumed.stdout.isEmpty)
            #expect(resumed.stderr.contains("pixterm tasks dismiss \(id) --yes"))

            let unconfirmed = try await setup.run(["tasks", "dismiss", id])
            #expect(unconfirmed.status == 2)
            #expect(unconfirmed.stderr.contains("--yes"))
            #expect(try await setup.tasks().count == 1)

            let dismissed = try await setup.run(["tasks", "dismiss", id, "--yes"])
            #expect(dismissed.status == 0, "\(dismissed.stderr)")
            #expect(try await setup.tasks().isEmpty)
            #expect(try await setup.run(["tasks", "dismiss", id, "--yes"]).status == 2)
        }
    }

    @Test func severalProcessesShareOneGallery() async throws {
        try await Setup.with { setup in
            let generators = try (0..<3).map { index in
                try PixtermBinary.start(["generate", "parallel image \(index)", "-n", "2", "-q", "low", "--base-url", setup.base], environment: setup.environment)
            }
            let rebuilders = try (0..<2).map { _ in try PixtermBinary.start(["gallery", "rebuild"], environment: setup.environment) }
            let finished = try await PixtermBinary.wait(timeout: 60) { !(generators + rebuilders).contains { $0.isRunning } }
            guard finished else {
                for process in generators + rebuilders where process.isRunning { kill(process.processIdentifier, SIGKILL) }
                Issue.record("pixterm processes did not finish within a minute")
                return
            }
            #expect((generators + rebuilders).allSatisfy { $0.terminationStatus == 0 })
            let listed = try await setup.run(["gallery", "search", "parallel", "--json"])
            #expect(listed.stdout.contains("\"total\" : 6"), "\(listed.stdout)")
        }
    }
}
