import Foundation
import ImageCodec
import PixapiSimulator
import Testing
import TestSupport

/// `pixterm batch`: the real binary against the simulator on loopback. Checked and priced as a
/// whole before anything is sent, one POST per line, and a run killed with SIGKILL and resumed
/// sends every line exactly once.
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) struct BatchCommandTests {
    struct Setup {
        let dir: TemporaryDirectory
        let simulator: RunningSimulator
        /// The simulator's clock: an async task finishes only once it has moved 3 s past the submission.
        let clock: TestClock

        var environment: [String: String] {
            dir.isolatedEnvironment(["PIXAPI_KEY": "sk-e2e-test", "PIXTERM_GALLERY": dir.path("gallery"), "PIXAPI_BASE_URL": simulator.baseURL.absoluteString])
        }
        var journal: URL { dir.url.appendingPathComponent("data/pixterm/journal") }
        var ledger: String { journal.appendingPathComponent("ledger.sqlite").path }

        func run(_ arguments: [String], stdin: String? = nil) async throws -> PixtermBinary.Output {
            try await PixtermBinary.run(arguments, environment: environment, stdin: stdin)
        }

        /// Writes `text` into the test's folder; returns its path.
        func write(_ name: String, _ text: String) throws -> String {
            try Data(text.utf8).write(to: dir.file(name))
            return dir.path(name)
        }

        /// The prompts POSTed to the async endpoint `path`, in the order they arrived.
        func posted(_ path: String = "/v1/async/images/generations") async -> [String] {
            await simulator.receivedRequests().filter { $0.method == "POST" && $0.path == path }.compactMap { $0.fields["prompt"] }
        }

        /// The prompts of the gallery's images.
        func galleryPrompts() async throws -> [String] {
            let listed = try await run(["gallery", "list", "--json", "--limit", "1000"])
            #expect(listed.status == 0, "\(listed.stderr)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
            return (page["entries"] as? [[String: Any]] ?? []).compactMap { $0["prompt"] as? String }
        }

        /// Journal entries on disk, and how many of them have their task id recorded.
        func journalEntries() -> (all: Int, withTask: Int) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []).filter { $0.hasSuffix(".json") }
            let withTask = names.filter { name in
                (try? String(contentsOf: journal.appendingPathComponent(name), encoding: .utf8))?.contains("\"taskID\"") ?? false
            }
            return (names.count, withTask.count)
        }

        /// Runs `sql` on the spend ledger with the sqlite3 shell; returns its output.
        func ledgerSQL(_ sql: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [ledger, sql]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits (checking every 20 ms) until `condition` holds, for at most `timeout` seconds.
        func wait(timeout: TimeInterval, _ condition: () async throws -> Bool) async throws -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if try await condition() { return true }
                try await Task.sleep(for: .milliseconds(20))
            }
            return try await condition()
        }

        /// A 64x64 PNG in the test's folder, for edit lines.
        func writePNG(_ name: String) throws -> String {
            var pixels = [UInt8](repeating: 255, count: 64 * 64 * 4)
            for index in stride(from: 0, to: pixels.count, by: 4) { pixels[index] = UInt8(index % 251) }
            try Data(try PNGCodec.encode(RGBAImage(width: 64, height: 64, pixels: pixels))).write(to: dir.file(name))
            return dir.path(name)
        }

        /// Starts `pixterm batch` in the background; its standard output goes to `out.txt` in the test's folder.
        func startBatch(_ arguments: [String]) throws -> Process {
            let process = PixtermBinary.process(["batch"] + arguments, environment: environment)
            _ = FileManager.default.createFile(atPath: dir.path("out.txt"), contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: dir.file("out.txt"))
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            return process
        }

        /// Kills `process` with SIGKILL (no clean-up, as a dropped machine) if it still runs, and reaps it.
        static func killNow(_ process: Process) {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        /// Moves the simulator's clock on by itself, a second every 50 ms, until cancelled.
        func tickClock() -> Task<Void, Never> {
            Task { [clock] in
                while !Task.isCancelled {
                    clock.advance(by: 1)
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
        }

        /// A simulator whose tasks take 3 s of `clock`; with `ticking`, the clock runs on its own
        /// (a second every 50 ms), so tasks finish without the test moving it. `credits` is the
        /// account's starting balance (unlimited when nil); `requiredKey` the only key it accepts.
        static func with(
            ticking: Bool = true, credits: Int? = nil, requiredKey: String? = nil, _ body: (Setup) async throws -> Void
        ) async throws {
            let clock = TestClock()
            let configuration = SimulatorConfiguration(taskDuration: .seconds(3), requiredKey: requiredKey, startingCredits: credits, now: { clock.now })
            try await withSimulator(configuration) { simulator in
                let setup = Setup(dir: try TemporaryDirectory(), simulator: simulator, clock: clock)
                defer { setup.dir.remove() }
                let ticker = ticking ? setup.tickClock() : nil
                defer { ticker?.cancel() }
                try await body(setup)
            }
        }
    }

    /// The test: 20 lines, `--jobs 4`, SIGKILL once four lines are saved and four more are
    /// submitted, then `--resume`: every prompt POSTed exactly once, every line in the gallery.
    @Test func aBatchKilledMidwayAndResumedSendsEachLineExactlyOnce() async throws {
        try await Setup.with(ticking: false) { setup in
            let prompts = (1...20).map { "batch line \($0)" }
            let file = try setup.write("twenty.txt", prompts.joined(separator: "\n") + "\n")
            let process = try setup.startBatch([file, "--jobs", "4", "--yes", "-q", "low"])
            defer { Setup.killNow(process) }
            // The first four tasks are submitted and recorded; none can finish until the clock moves.
            let firstFour = try await setup.wait(timeout: 30) { setup.journalEntries().withTask == 4 }
            #expect(firstFour, "four tasks were never recorded")
            #expect(await setup.posted().count == 4, "--jobs 4 runs four at a time")
            setup.clock.advance(by: 3)
            // Lines 1-4 finish and lines 5-8 are submitted; they stay running, as the clock stands still.
            let nextFour = try await setup.wait(timeout: 30) {
                let entries = setup.journalEntries()
                return await setup.posted().count == 8 && entries.all == 4 && entries.withTask == 4
            }
            #expect(nextFour, "lines 5-8 were never submitted")
            Setup.killNow(process)
            #expect(await setup.posted().count == 8)
            // A line reserved in the ledger whose process died before its journal entry was written
            // was never sent: resuming settles it `refused` and sends the line.
            let inserted = try setup.ledgerSQL(
                """
                INSERT INTO request SELECT 'died-before-journal', created, day, operation, mode, model, size, quality, n, credits, usd,
                    'sent', 0, batch, 9, overBudget FROM request LIMIT 1; SELECT changes();
                """
            )
            #expect(inserted == "1")

            let ticker = setup.tickClock()
            defer { ticker.cancel() }
            let resumed = try await setup.run(["batch", file, "--jobs", "4", "--yes", "-q", "low", "--resume"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("resuming run 1: 4 saved earlier, 4 sent tasks to finish; to send: 12 requests"), "\(resumed.stderr)")
            let lines = resumed.stdout.split(separator: "\n")
            #expect(lines.count == 20, "\(resumed.stdout)")
            for line in 1...20 { #expect(lines.contains { $0.hasPrefix("line \(line): saved ") }, "line \(line) in \(resumed.stdout)") }
            #expect(lines.filter { $0.contains(": saved earlier ") }.count == 4)

            let posted = await setup.posted()
            #expect(posted.count == 20, "one POST per line: \(posted)")
            #expect(Set(posted) == Set(prompts) && Set(posted).count == 20, "each prompt once: \(posted.sorted())")
            #expect(try await setup.galleryPrompts().sorted() == prompts.sorted())
            #expect(setup.journalEntries().all == 0)
            #expect(try setup.ledgerSQL("SELECT state FROM request WHERE id = 'died-before-journal'") == "refused")
            #expect(try setup.ledgerSQL("SELECT COUNT(*) FROM request WHERE state = 'charged'") == "20")

            let again = try await setup.run(["batch", file, "--yes", "-q", "low", "--resume"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(again.stderr.contains("nothing left to send"), "\(again.stderr)")
            #expect(await setup.posted().count == 20, "a finished run sends nothing")
        }
    }

    /// `tasks resume` finishes a killed batch's tasks too; `--resume` then sends only the rest.
    @Test func tasksResumeFinishesABatchsTasksAndResumeSendsTheRest() async throws {
        try await Setup.with(ticking: false) { setup in
            let prompts = (1...6).map { "tasks resume line \($0)" }
            let file = try setup.write("six.txt", prompts.joined(separator: "\n"))
            let process = try setup.startBatch([file, "--jobs", "3", "--yes", "-q", "low"])
            defer { Setup.killNow(process) }
            #expect(try await setup.wait(timeout: 30) { setup.journalEntries().withTask == 3 })
            Setup.killNow(process)
            setup.clock.advance(by: 3)
            let finished = try await setup.run(["tasks", "resume"])
            #expect(finished.status == 0, "\(finished.stderr)")
            #expect(finished.stdout.split(separator: "\n").count == 3)

            let ticker = setup.tickClock()
            defer { ticker.cancel() }
            let resumed = try await setup.run(["batch", file, "--yes", "-q", "low", "--resume", "--json"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let results = try resumed.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(results.count == 6)
            #expect(results.filter { $0["earlier"] as? Bool == true }.count == 3)
            #expect(results.allSatisfy { $0["status"] as? String == "ok" && ($0["paths"] as? [String])?.count == 1 })
            let posted = await setup.posted()
            #expect(posted.count == 6 && Set(posted) == Set(prompts), "\(posted)")
        }
    }

    @Test func plainLinesAndJSONLinesWithAnEditAreSentOncePerLine() async throws {
        try await Setup.with { setup in
            _ = try setup.writePNG("source.png")
            let file = try setup.write(
                "mixed.jsonl",
                """
                # a comment, then a blank line

                a plain prompt
                {"prompt": "an edit of the source", "images": ["source.png"], "quality": "low"}
                {"prompt": "two small cats", "n": 2, "size": "1024x1024", "quality": "medium"}
                """
            )
            let output = try await setup.run(["batch", file, "--yes", "-q", "low", "--jobs", "3"])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr.contains("3 requests, 4 images, 10 credits ($0.10)"), "\(output.stderr)")
            #expect(output.stdout.contains("line 3: saved "), "\(output.stdout)")
            #expect(output.stdout.contains("line 4: saved "))
            let catsLine = try #require(output.stdout.split(separator: "\n").first { $0.hasPrefix("line 5: saved ") })
            #expect(catsLine.split(separator: " ").count == 5, "two paths: \(catsLine)")
            #expect(output.stderr.contains("batch: 3 of 3 lines saved; 10 credits ($0.10)"), "\(output.stderr)")

            let requests = await setup.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(requests.count == 3)
            let edit = try #require(requests.first { $0.path == "/v1/async/images/edits" })
            #expect(edit.fields["prompt"] == "an edit of the source" && edit.files.count == 1 && edit.files.first?.format == "png")
            let cats = try #require(requests.first { $0.fields["prompt"] == "two small cats" })
            #expect(cats.path == "/v1/async/images/generations" && cats.fields["n"] == "2" && cats.fields["size"] == "1024x1024")
            #expect(cats.fields["quality"] == "medium")
            #expect(requests.first { $0.fields["prompt"] == "a plain prompt" }?.fields["quality"] == "low", "-q is the default of plain lines")
        }
    }

    @Test func standardInputIsABatchToo() async throws {
        try await Setup.with { setup in
            let output = try await setup.run(["batch", "-", "--yes", "-q", "low", "--json"], stdin: "from stdin one\nfrom stdin two\n")
            #expect(output.status == 0, "\(output.stderr)")
            let results = try output.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(results.map { $0["line"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) } == [1, 2])
            for result in results {
                #expect(result["status"] as? String == "ok" && result["credits"] as? Int == 1 && result["error"] is NSNull)
                #expect((result["paths"] as? [String])?.allSatisfy { FileManager.default.fileExists(atPath: $0) } == true)
            }
            #expect(Set(await setup.posted()) == ["from stdin one", "from stdin two"])
        }
    }

    @Test func aBadLineIsRefusedUpFrontWithItsNumberAndNothingIsSent() async throws {
        try await Setup.with { setup in
            let cases: [(String, String)] = [
                ("fine\nfine too\n{\"prompt\": \"x\", \"n\": \"two\"}\n", "line 3: \"n\" must be a whole number"),
                ("fine\n{\"prompt\": \"x\", \"colour\": \"red\"}\n", "line 2: unknown field \"colour\""),
                ("fine\n\n{\"prompt\": \"x\", \"model\": \"no-such-model\"}\n", "line 3: "),
                ("{\"prompt\": \"x\", \"images\": [\"missing.png\"]}\n", "line 1: "),
                ("fine\n{\"prompt\": \"x\", \"size\": \"huge\"}\n", "line 2: size \"huge\" is not auto or WIDTHxHEIGHT"),
                ("fine\n{not json}\n", "line 2: not a valid JSON object"),
                ("fine\n{\"model\": \"gpt-image-2\"}\n", "line 2: no \"prompt\" field"),
                ("# only a comment\n\n", "has no prompts"),
            ]
            for (index, (text, message)) in cases.enumerated() {
                let file = try setup.write("bad\(index).txt", text)
                let output = try await setup.run(["batch", file, "--yes"])
                #expect(output.status == 2, "\(text): \(output.stderr)")
                #expect(output.stderr.contains(message), "\(text): \(output.stderr)")
                #expect(output.stdout.isEmpty)
            }
            #expect(await setup.simulator.receivedRequests().isEmpty, "nothing sent for any bad batch")
            let jobs = try await setup.run(["batch", try setup.write("ok.txt", "fine\n"), "--yes", "--jobs", "17"])
            #expect(jobs.status == 2 && jobs.stderr.contains("--jobs must be from 1 to 16"), "\(jobs.stderr)")
        }
    }

    @Test func maxCreditsCapsTheWholeBatchAndConfirmationNeedsATerminalOrYes() async throws {
        try await Setup.with { setup in
            // Three lines at 4 credits each: each one is under the cap, the batch is not.
            let file = try setup.write("three.txt", "one\ntwo\nthree\n")
            let capped = try await setup.run(["batch", file, "--yes", "-q", "medium", "--max-credits", "11"])
            #expect(capped.status == 2, "\(capped.stderr)")
            #expect(capped.stderr.contains("this batch costs 12 credits, above the limit of 11 for the whole batch"), "\(capped.stderr)")
            let unconfirmed = try await setup.run(["batch", file, "-q", "medium"])
            #expect(unconfirmed.status == 2, "\(unconfirmed.stderr)")
            #expect(unconfirmed.stderr.contains("add --yes"), "\(unconfirmed.stderr)")
            #expect(await setup.simulator.receivedRequests().isEmpty)
            let sent = try await setup.run(["batch", file, "--yes", "-q", "medium", "--max-credits", "12"])
            #expect(sent.status == 0, "\(sent.stderr)")
            #expect(await setup.posted().count == 3)
        }
    }

    @Test func aBatchThatWouldCrossABudgetIsRefusedUpFrontUnlessOverBudget() async throws {
        try await Setup.with { setup in
            let config = setup.dir.url.appendingPathComponent("config/pixterm")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("[budget]\ndaily = 20\n".utf8).write(to: config.appendingPathComponent("config.toml"))
            let spent = try await setup.run(["batch", try setup.write("first.txt", "a\nb\n"), "--yes", "-q", "medium"])
            #expect(spent.status == 0, "\(spent.stderr)")
            // 8 spent today; three more lines cost 12: exactly up to the budget is allowed, 16 is not.
            let file = try setup.write("four.txt", "c\nd\ne\nf\n")
            let refused = try await setup.run(["batch", file, "--yes", "-q", "medium"])
            #expect(refused.status == 4, "\(refused.stderr)")
            #expect(refused.stderr.contains("over the daily budget of 20 credits: 8 spent today, 12 remain, and this batch costs 16"), "\(refused.stderr)")
            #expect(refused.stderr.contains("add --over-budget to send it anyway"))
            #expect(await setup.posted().count == 2, "nothing of the refused batch was sent")
            let fits = try await setup.run(["batch", try setup.write("three.txt", "g\nh\ni\n"), "--yes", "-q", "medium"])
            #expect(fits.status == 0, "\(fits.stderr)")
            let over = try await setup.run(["batch", file, "--yes", "-q", "medium", "--over-budget"])
            #expect(over.status == 0, "\(over.stderr)")
            #expect(await setup.posted().count == 9)
            // Over the budget now, a resumed run with nothing left to send is not refused for it.
            let finished = try await setup.run(["batch", file, "--yes", "-q", "medium", "--resume"])
            #expect(finished.status == 0, "\(finished.stderr)")
            #expect(finished.stderr.contains("nothing left to send"), "\(finished.stderr)")
        }
    }

    @Test func aFailingLineIsReportedWithItsReasonAndTheRunMustBeResumedNotRepeated() async throws {
        try await Setup.with { setup in
            await setup.simulator.schedule(Fault(kind: .taskFails, path: "/v1/async/images/generations", message: "the painter dropped the brush"))
            let file = try setup.write("three.txt", "only line\n")
            let failed = try await setup.run(["batch", file, "--yes", "-q", "low"])
            #expect(failed.status == 1, "\(failed.stderr)")
            #expect(failed.stdout.contains("line 1: failed: ") && failed.stdout.contains("the painter dropped the brush"), "\(failed.stdout)")
            #expect(failed.stderr.contains("batch: 0 of 1 line saved, 1 failed; 0 credits"), "\(failed.stderr)")

            let rejected = try setup.write("rejected.txt", "a fine line\nsomething forbidden\n")
            let partly = try await setup.run(["batch", rejected, "--yes", "-q", "low", "--json"])
            #expect(partly.status == 1, "\(partly.stderr)")
            let results = try partly.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            let bad = try #require(results.first { $0["line"] as? Int == 2 })
            #expect(bad["status"] as? String == "failed" && bad["credits"] as? Int == 0)
            #expect((bad["error"] as? String)?.contains("prompt_rejected") == true, "\(bad)")
            #expect(results.first { $0["line"] as? Int == 1 }?["status"] as? String == "ok")

            let repeated = try await setup.run(["batch", rejected, "--yes", "-q", "low"])
            #expect(repeated.status == 2, "\(repeated.stderr)")
            #expect(repeated.stderr.contains("--resume") && repeated.stderr.contains("--new"), "\(repeated.stderr)")
            #expect(await setup.posted().count == 3)

            let resumed = try await setup.run(["batch", rejected, "--yes", "-q", "low", "--resume"])
            #expect(resumed.status == 1)
            #expect(resumed.stdout.contains("line 1: saved earlier ") && resumed.stdout.contains("line 2: failed: "), "\(resumed.stdout)")
            let afterResume = await setup.posted()
            #expect(afterResume.filter { $0 == "a fine line" }.count == 1, "a saved line is never sent again: \(afterResume)")
            #expect(afterResume.filter { $0 == "something forbidden" }.count == 2, "a refused line is sent again by --resume")

            let fresh = try await setup.run(["batch", rejected, "--yes", "-q", "low", "--new"])
            #expect(fresh.status == 1)
            #expect(await setup.posted().filter { $0 == "a fine line" }.count == 2, "--new sends every line again")
        }
    }
    /// On a terminal: the question is asked (and a "no" sends nothing), the progress line fits
    /// the width, and Ctrl+C stops starting lines, exits 130 and says how to resume; `--resume`
    /// then finishes the two sent tasks and sends the other two lines, each once.
    @Test func onATerminalItAsksShowsProgressAndStopsOnCtrlC() async throws {
        try await Setup.with(ticking: false) { setup in
            let file = try setup.write("four.txt", "tty one\ntty two\ntty three\ntty four\n")
            // bash, which goes on to say the status when its child exits on Ctrl+C by itself (sh dies with it).
            func session(width: Int) throws -> TmuxSession {
                let command = "\(TmuxSession.shellQuote(PixtermBinary.url.path)) batch \(TmuxSession.shellQuote(file)) -q low --jobs 2; echo EXIT=$?"
                return try TmuxSession(command: ["/bin/bash", "-c", command], environment: setup.environment, width: width, height: 12)
            }
            let declined = try session(width: 120)
            _ = try await declined.waitFor(text: "Send? [y/N]")
            #expect(try declined.screen().contains("4 requests, 4 images, 4 credits ($0.04)"))
            try declined.type("n")
            try declined.send("Enter")
            let refusal = try await declined.waitFor(text: "EXIT=1")
            #expect(refusal.contains("nothing sent"), "\(refusal)")
            #expect(await setup.posted().isEmpty)

            let tmux = try session(width: 60)
            _ = try await tmux.waitFor(text: "Send? [y/N]")
            try tmux.type("y")
            try tmux.send("Enter")
            let running = try await tmux.waitFor("two tasks running") { $0.contains("2 running") }
            let bar = try #require(running.split(separator: "\n").first { $0.contains("2 running") })
            #expect(bar.hasPrefix("[") && bar.contains("0/4  0 done  2 running  0 credits"), "\(bar)")
            #expect(bar.count <= 59, "never wider than the terminal: \(bar)")
            #expect(try await setup.wait(timeout: 20) { setup.journalEntries().withTask == 2 })
            try tmux.send("C-c")
            let stopped = try await tmux.waitFor(text: "EXIT=130")
            #expect(stopped.contains("--resume"), "\(stopped)")
            #expect(await setup.posted().count == 2, "no line starts after Ctrl+C")
            #expect(setup.journalEntries().withTask == 2, "the sent tasks stay in the journal")

            let ticker = setup.tickClock()
            defer { ticker.cancel() }
            let resumed = try await setup.run(["batch", file, "-q", "low", "--resume", "--yes"])
            #expect(resumed.status == 0, "\(resumed.stderr)")
            #expect(resumed.stderr.contains("2 sent tasks to finish; to send: 2 requests"), "\(resumed.stderr)")
            #expect(resumed.stdout.split(separator: "\n").filter { $0.contains(": saved ") }.count == 4)
            #expect(await setup.posted().sorted() == ["tty four", "tty one", "tty three", "tty two"])
        }
    }
    /// A batch line whose journal entry the user dismissed (`pixterm tasks dismiss`) was sent and
    /// may have been charged: `--resume` reports it and never sends it again.
    @Test func aDismissedLineIsReportedAndNeverSentAgain() async throws {
        try await Setup.with(ticking: false) { setup in
            let file = try setup.write("two.txt", "kept line\ndismissed line\n")
            let process = try setup.startBatch([file, "--jobs", "2", "--yes", "-q", "low"])
            defer { Setup.killNow(process) }
            #expect(try await setup.wait(timeout: 30) { setup.journalEntries().withTask == 2 })
            Setup.killNow(process)
            let id = try setup.ledgerSQL("SELECT id FROM request WHERE line = 2")
            let dismissed = try await setup.run(["tasks", "dismiss", id, "--yes"])
            #expect(dismissed.status == 0, "\(dismissed.stderr)")

            let ticker = setup.tickClock()
            defer { ticker.cancel() }
            let resumed = try await setup.run(["batch", file, "--yes", "-q", "low", "--resume"])
            #expect(resumed.status == 3, "\(resumed.stderr)")
            #expect(resumed.stdout.contains("line 1: saved "), "\(resumed.stdout)")
            #expect(resumed.stdout.contains("line 2: outcome unknown: "), "\(resumed.stdout)")
            #expect(await setup.posted().count == 2, "the dismissed line is not sent again")
        }
    }
    /// The budget is checked for the whole batch up front, and again for each line as it is sent:
    /// another pixterm that spends meanwhile makes a later line fail with the budget's reason.
    /// A second pixterm on the same batch meanwhile is refused.
    @Test func aLineOverTheBudgetBecauseAnotherPixtermSpentFailsWithTheReason() async throws {
        try await Setup.with(ticking: false) { setup in
            let config = setup.dir.url.appendingPathComponent("config/pixterm")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("[budget]\ndaily = 8\n".utf8).write(to: config.appendingPathComponent("config.toml"))
            let file = try setup.write("two.txt", "first of two\nsecond of two\n")
            let process = try setup.startBatch([file, "--jobs", "1", "--yes", "-q", "medium"])
            defer { Setup.killNow(process) }
            #expect(try await setup.wait(timeout: 30) { setup.journalEntries().withTask == 1 })
            let twin = try await setup.run(["batch", file, "--yes", "-q", "medium", "--resume"])
            #expect(twin.status == 2 && twin.stderr.contains("is being run by another pixterm"), "\(twin.stderr)")
            let elsewhere = try await setup.run(["generate", "spent elsewhere", "-q", "medium"])
            #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
            setup.clock.advance(by: 3)
            #expect(try await setup.wait(timeout: 30) { !process.isRunning })
            #expect(process.terminationStatus == 1)
            let results = try String(contentsOf: setup.dir.file("out.txt"), encoding: .utf8)
            #expect(results.contains("line 1: saved "), "\(results)")
            #expect(results.contains("line 2: failed: not sent: over the daily budget of 8 credits: 8 spent today, 0 remain"), "\(results)")
            #expect(await setup.posted() == ["first of two"], "the second line was not sent")
            #expect(try setup.ledgerSQL("SELECT COUNT(*) FROM request WHERE line = 2") == "0")
        }
    }
    /// A line whose answer is lost after the server did the work: it may have been charged, so
    /// the batch exits 3, and `--resume` reports it and never sends it again.
    @Test func aLostAnswerIsAnUnknownOutcomeThatResumeNeverSendsAgain() async throws {
        try await Setup.with { setup in
            await setup.simulator.schedule(Fault(kind: .dropAfterWork, path: "/v1/async/images/generations"))
            let file = try setup.write("lost.txt", "the lost one\n")
            let lost = try await setup.run(["batch", file, "--yes", "-q", "low", "--json"])
            #expect(lost.status == 3, "\(lost.stderr)")
            let result = try #require(try JSONSerialization.jsonObject(with: Data(lost.stdout.utf8)) as? [String: Any])
            #expect(result["status"] as? String == "unknown" && result["credits"] as? Int == 1, "\(result)")
            #expect((result["error"] as? String)?.contains("pixterm tasks retry") == true, "\(result)")
            #expect(lost.stderr.contains("1 with an unknown outcome"), "\(lost.stderr)")

            let resumed = try await setup.run(["batch", file, "--yes", "-q", "low", "--resume"])
            #expect(resumed.status == 3, "\(resumed.stderr)")
            #expect(resumed.stdout.contains("line 1: outcome unknown: ") && resumed.stdout.contains("pixterm tasks retry"), "\(resumed.stdout)")
            #expect(resumed.stderr.contains("nothing left to send"), "\(resumed.stderr)")
            #expect(await setup.posted() == ["the lost one"], "never sent again")
        }
    }
}
