import Foundation
import PixapiSimulator
import Testing
import TestSupport

/// A batch stops starting lines once a line fails in a way every other line would too (out of
/// credits, a refused key, the API unreachable): the lines running finish, the rest are not sent,
/// the summary says why and how to send them, and `--resume` does. A failure of one line's own
/// (its prompt, its parameters) does not stop the others.
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) struct BatchStopCommandTests {
    typealias Setup = BatchCommandTests.Setup

    /// The account runs dry after 3 of 8 one-credit lines: the next POST gets 402 and nothing
    /// after it is sent (without the stop, all 8 were POSTed).
    @Test func anAccountOutOfCreditsStopsStartingLines() async throws {
        try await Setup.with(credits: 3) { setup in
            let prompts = (1...8).map { "dry line \($0)" }
            let file = try setup.write("dry.txt", prompts.joined(separator: "\n") + "\n")
            let batch = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "2"])
            #expect(batch.status == 1, "\(batch.stderr)")
            let posted = await setup.posted()
            // Three charged, then the refused one, and at most one more already being sent beside it.
            #expect((4...5).contains(posted.count), "lines were sent after the account ran dry: \(posted)")
            #expect(try await setup.galleryPrompts().count == 3)
            #expect(batch.stderr.contains("stopping: line ") && batch.stderr.contains("the account is out of credits"), "\(batch.stderr)")
            #expect(batch.stderr.contains("batch: 3 of 8 lines saved, \(posted.count - 3) failed, \(8 - posted.count) not started; 3 credits ($0.03)"), "\(batch.stderr)")
            #expect(
                batch.stderr.contains("stopped early: line ") && batch.stderr.contains("top up the account, then `pixterm batch ")
                    && batch.stderr.contains(" --resume` sends the lines not saved again"),
                "\(batch.stderr)"
            )
            #expect(setup.journalEntries().all == 0)
        }
    }

    /// `--resume` after the stop sends the refused line and every line never sent, each once, and
    /// nothing saved before.
    @Test func resumeAfterTheStopSendsTheRefusedLineAndTheLinesNeverSent() async throws {
        try await Setup.with { setup in
            await setup.simulator.schedule(Fault.status(402, path: "/v1/async/images/generations"))
            let prompts = (1...5).map { "resumed line \($0)" }
            let file = try setup.write("five.txt", prompts.joined(separator: "\n") + "\n")
            let stopped = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "1"])
            #expect(stopped.status == 1, "\(stopped.stderr)")
            #expect(await setup.posted() == ["resumed line 1"], "only the refused line was sent")
            #expect(stopped.stdout.hasPrefix("line 1: failed: ") && stopped.stdout.split(separator: "\n").count == 1, "\(stopped.stdout)")
            #expect(stopped.stderr.contains("batch: 0 of 5 lines saved, 1 failed, 4 not started; 0 credits"), "\(stopped.stderr)")

            let resumed = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "1", "--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("to send: 5 requests"), "\(resumed.stderr)")
            #expect(await setup.posted() == ["resumed line 1"] + prompts, "each line sent once more at most")
            #expect(try await setup.galleryPrompts().sorted() == prompts)
        }
    }

    /// A key the API refuses (401) stops the batch after the first line.
    @Test func aRefusedKeyStopsStartingLines() async throws {
        try await Setup.with(requiredKey: "sk-the-only-key") { setup in
            let file = try setup.write("keyed.txt", (1...5).map { "keyed line \($0)" }.joined(separator: "\n") + "\n")
            let batch = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "1"])
            #expect(batch.status == 1, "\(batch.stderr)")
            #expect(batch.stderr.contains("line 1 was refused: the API key was not accepted"), "\(batch.stderr)")
            #expect(try setup.ledgerSQL("SELECT COUNT(*) FROM request") == "1", "only line 1 was tried")
            #expect(batch.stdout.split(separator: "\n").count == 1, "\(batch.stdout)")
        }
    }

    /// Nothing listening at the base URL: at most the lines started at once are tried.
    @Test func anUnreachableAPIStopsStartingLines() async throws {
        try await Setup.with { setup in
            let file = try setup.write("down.txt", (1...6).map { "down line \($0)" }.joined(separator: "\n") + "\n")
            var environment = setup.environment
            environment["PIXAPI_BASE_URL"] = "http://127.0.0.1:1"
            let batch = try await PixtermBinary.run(["batch", file, "--yes", "-q", "low", "--jobs", "2"], environment: environment)
            #expect(batch.status == 1, "\(batch.stderr)")
            #expect(batch.stderr.contains("could not reach the API"), "\(batch.stderr)")
            let tried = Int(try setup.ledgerSQL("SELECT COUNT(*) FROM request")) ?? -1
            #expect((1...2).contains(tried), "\(tried) lines were tried against an API that is down")
            #expect(try setup.ledgerSQL("SELECT COUNT(*) FROM request WHERE state != 'refused'") == "0", "nothing counted as spent")
        }
    }

    /// The gallery cannot be written mid-run (its staging folder replaced by a file): line 1's
    /// paid task is kept for `--resume`, and no later line is sent to be paid for and not saved.
    @Test func aGalleryThatCannotBeWrittenStopsStartingLines() async throws {
        try await Setup.with(ticking: false) { setup in
            let file = try setup.write("unsaved.txt", (1...4).map { "unsaved line \($0)" }.joined(separator: "\n") + "\n")
            let process = try setup.startBatch([file, "--yes", "-q", "low", "--jobs", "1"])
            defer { Setup.killNow(process) }
            #expect(try await setup.wait(timeout: 30) { setup.journalEntries().withTask == 1 })
            let staging = setup.dir.url.appendingPathComponent("gallery/.pixterm/staging")
            try FileManager.default.removeItem(at: staging)
            try Data("not a folder".utf8).write(to: staging)
            setup.clock.advance(by: 3)
            #expect(try await setup.wait(timeout: 30) { !process.isRunning })
            #expect(process.terminationStatus == 1)
            let results = try String(contentsOf: setup.dir.file("out.txt"), encoding: .utf8)
            #expect(results.hasPrefix("line 1: failed: ") && results.split(separator: "\n").count == 1, "\(results)")
            #expect(await setup.posted() == ["unsaved line 1"])
            #expect(try setup.ledgerSQL("SELECT COUNT(*) FROM request") == "1", "no later line was tried")
            #expect(setup.journalEntries().withTask == 1, "line 1's task is kept for --resume")
        }
    }

    /// A line refused for itself (its prompt, a 400 for its parameters) is reported and the batch
    /// goes on: every line is sent.
    @Test func aLineRefusedForItselfDoesNotStopTheOthers() async throws {
        try await Setup.with { setup in
            let file = try setup.write("mixed.txt", "a plain fox\nsomething forbidden\na plain owl\n")
            await setup.simulator.schedule(Fault.status(400, path: "/v1/async/images/generations"))
            let batch = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "1"])
            #expect(batch.status == 1, "\(batch.stderr)")
            #expect(await setup.posted() == ["a plain fox", "something forbidden", "a plain owl"])
            #expect(batch.stdout.contains("line 1: failed: ") && batch.stdout.contains("line 2: failed: "), "\(batch.stdout)")
            #expect(batch.stdout.contains("line 3: saved "), "\(batch.stdout)")
            #expect(!batch.stderr.contains("stopp"), "\(batch.stderr)")
        }
    }
}
