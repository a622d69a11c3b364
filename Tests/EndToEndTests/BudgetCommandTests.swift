import Foundation
import ImageCodec
import Testing
import TestSupport

/// `[budget]` enforced by the real `pixterm` against `pixterm sim`: requests up to a budget are
/// sent, the one that would cross it exits 4 without a POST (naming the budget, what is spent and
/// what remains) unless `--over-budget`, and what may have been charged keeps counting.
///
/// Every run gets a `TZ` where it is about noon, so no test straddles a local midnight.
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) final class BudgetCommandTests {
    let sim: SimulatorProcess
    let dir: TemporaryDirectory
    static let startingCredits = 1000

    init() throws {
        sim = try SimulatorProcess(["--credits", "\(Self.startingCredits)", "--task-duration", "300"])
        dir = try TemporaryDirectory()
    }

    deinit { dir.remove() }

    /// An IANA zone where it is between 11:00 and 13:00 now.
    static var noonZone: String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let offset = 12 - utc.component(.hour, from: Date())
        return offset == 0 ? "Etc/UTC" : "Etc/GMT\(offset > 0 ? "-" : "+")\(abs(offset))"
    }

    /// Writes the config (`[budget]` and whatever else `toml` says).
    func configure(_ toml: String) throws {
        let file = dir.file("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(toml.utf8).write(to: file)
    }

    var environment: [String: String] {
        dir.isolatedEnvironment(["PIXAPI_KEY": "k", "PIXAPI_BASE_URL": sim.baseURL, "TZ": Self.noonZone])
    }

    func run(_ arguments: [String]) async throws -> PixtermBinary.Output {
        try await PixtermBinary.run(arguments, environment: environment)
    }

    /// `generate` of one low-quality 1024x1024 image: 1 credit.
    static let oneCredit = ["generate", "a lighthouse", "-s", "1024x1024", "-q", "low"]

    func posts() throws -> [[String: Any]] {
        try sim.receivedRequests().filter { $0["method"] as? String == "POST" }
    }

    /// Credits the simulator took.
    func charged() throws -> Int { Self.startingCredits - (try sim.credits() ?? Self.startingCredits) }

    func writePNG(_ name: String) throws -> String {
        let pixels: [UInt8] = (0..<(32 * 32)).flatMap { (i: Int) -> [UInt8] in [UInt8(i % 251), 90, 200, 255] }
        let path = dir.path(name)
        try Data(try PNGCodec.encode(RGBAImage(width: 32, height: 32, pixels: pixels))).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The entries `pixterm tasks` lists.
    func tasks() async throws -> [[String: Any]] {
        let output = try await run(["tasks", "list", "--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    /// The id of the one entry `pixterm tasks` lists.
    func onlyTask() async throws -> String {
        let listed = try await tasks()
        #expect(listed.count == 1, "\(listed)")
        return try #require(listed.first?["id"] as? String)
    }
}

extension BudgetCommandTests {
    @Test(arguments: [false, true])
    func fiveRequestsFitADailyBudgetOfFiveAndTheSixthIsNotSent(async: Bool) async throws {
        try configure("[budget]\ndaily = 5\n")
        let command = Self.oneCredit + (async ? ["--async"] : [])
        for request in 1...5 {
            let output = try await run(command)
            #expect(output.status == 0, "request \(request): \(output.stderr)")
        }
        let sixth = try await run(command)
        #expect(sixth.status == 4, "\(sixth.stderr)")
        #expect(
            sixth.stderr.contains(
                "not sent: over the daily budget of 5 credits: 5 spent today, 0 remain, and this request costs 1; add --over-budget to send it anyway"
            ), "\(sixth.stderr)")
        #expect(sixth.stdout.isEmpty)
        #expect(try posts().count == 5, "no sixth POST")
        #expect(try charged() == 5)
        #expect(try await tasks().isEmpty, "a request refused here leaves no journal entry")

        let over = try await run(command + ["--over-budget"])
        #expect(over.status == 0, "\(over.stderr)")
        #expect(try posts().count == 6)
        #expect(try charged() == 6)
        #expect(try await run(command).status == 4, "still over the budget")
    }

    @Test func theMonthlyBudgetHoldsGenerateAndEditTogether() async throws {
        try configure("[budget]\ndaily = 100\nmonthly = 4\n")
        let image = try writePNG("cat.png")
        let edit = ["edit", "add a hat", "--image", image, "-s", "1024x1024", "-q", "low"]
        #expect(try await run(edit).status == 0)
        #expect(try await run(Self.oneCredit).status == 0)
        #expect(try await run(edit + ["--async"]).status == 0)
        // 3 spent: a 2-credit request would cross the 4; a 1-credit one fits exactly.
        let twoCredits = try await run(["generate", "x", "-s", "2048x2048", "-q", "low"])
        #expect(twoCredits.status == 4, "\(twoCredits.stderr)")
        #expect(twoCredits.stderr.contains("over the monthly budget of 4 credits: 3 spent this month, 1 remains, and this request costs 2"), "\(twoCredits.stderr)")
        #expect(try await run(edit).status == 0)
        let refused = try await run(edit)
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("over the monthly budget of 4 credits: 4 spent this month, 0 remain, and this request costs 1"), "\(refused.stderr)")
        #expect(try posts().count == 4)
        let over = try await run(edit + ["--over-budget", "--async"])
        #expect(over.status == 0, "\(over.stderr)")
        #expect(try posts().count == 5)
        #expect(try charged() == 5)
    }

    @Test func withoutABudgetNothingIsRefused() async throws {
        try configure("max_credits = 100\n")
        for _ in 0..<3 { #expect(try await run(Self.oneCredit).status == 0) }
        #expect(try posts().count == 3)
    }

    @Test func aBadBudgetInTheConfigStopsEveryCommandThatSendsWithItsReason() async throws {
        try configure("[budget]\ndaily = -5\n")
        let output = try await run(Self.oneCredit)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("budget.daily in ") && output.stderr.contains("must be a whole number of credits, 0 or more"), "\(output.stderr)")
        #expect(try posts().isEmpty)
    }
}

/// What may have been charged counts; what the server refused does not.
extension BudgetCommandTests {
    @Test func aLostAnswerCountsUntilItsRetrySucceedsAndIsNotCountedTwice() async throws {
        try configure("[budget]\ndaily = 2\n")
        try sim.schedule(#"{"kind":"dropAfterWork","path":"/v1/images/generations","count":1}"#)
        let lost = try await run(Self.oneCredit)
        #expect(lost.status == 3, "\(lost.stderr)")
        #expect(lost.stderr.contains("may have been charged"), "\(lost.stderr)")
        let id = try await onlyTask()
        #expect(try await run(Self.oneCredit).status == 0, "1 lost + 1 = 2 fits")
        let refused = try await run(Self.oneCredit)
        #expect(refused.status == 4)
        #expect(refused.stderr.contains("2 spent today, 0 remain"), "the lost answer counts: \(refused.stderr)")
        #expect(try posts().count == 2)

        let retried = try await run(["tasks", "retry", id, "--yes"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(try charged() == 2, "the retry was answered from the first request")
        // Had the retry counted again, 3 would be spent and nothing would fit a budget of 3.
        try configure("[budget]\ndaily = 3\n")
        #expect(try await run(Self.oneCredit).status == 0)
        let full = try await run(Self.oneCredit)
        #expect(full.status == 4)
        #expect(full.stderr.contains("3 spent today, 0 remain"), "\(full.stderr)")
    }

    @Test func aDismissedLostAnswerStillCounts() async throws {
        try configure("[budget]\ndaily = 1\n")
        try sim.schedule(#"{"kind":"truncate","path":"/v1/images/generations","count":1}"#)
        #expect(try await run(Self.oneCredit).status == 3)
        let id = try await onlyTask()
        let dismissed = try await run(["tasks", "dismiss", id, "--yes"])
        #expect(dismissed.status == 0, "\(dismissed.stderr)")
        let refused = try await run(Self.oneCredit)
        #expect(refused.status == 4, "it may have been charged, so it still counts: \(refused.stderr)")
        #expect(refused.stderr.contains("1 spent today, 0 remain"), "\(refused.stderr)")
        #expect(try posts().count == 1)
    }

    @Test(arguments: [400, 402])
    func aRequestTheServerRefusesStopsCounting(status: Int) async throws {
        try configure("[budget]\ndaily = 1\n")
        try sim.schedule(#"{"kind":"status","status":\#(status),"path":"/v1/images/generations","count":1}"#)
        let refused = try await run(Self.oneCredit)
        #expect(refused.status == 1, "\(refused.stderr)")
        #expect(try charged() == 0)
        let next = try await run(Self.oneCredit)
        #expect(next.status == 0, "the refused request was not charged, so the budget is whole: \(next.stderr)")
        #expect(try charged() == 1)
        #expect(try await run(Self.oneCredit).status == 4)
    }

    @Test func anAsyncTaskThatFailsStopsCounting() async throws {
        try configure("[budget]\ndaily = 1\n")
        try sim.schedule(#"{"kind":"taskFails","path":"/v1/async/images/generations","count":1}"#)
        let failed = try await run(Self.oneCredit + ["--async"])
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(try await run(Self.oneCredit + ["--async"]).status == 0)
        #expect(try charged() == 1)
    }

    /// Killed between the reservation and the answer: the request may have gone out, so its
    /// credits stay counted (and here the simulator did charge them).
    @Test func aProcessKilledWhileItsRequestIsInFlightLeavesItsCreditsCounted() async throws {
        let slow = try SimulatorProcess(["--credits", "\(Self.startingCredits)", "--latency", "3000"])
        try configure("[budget]\ndaily = 1\n")
        var env = environment
        env["PIXAPI_BASE_URL"] = slow.baseURL
        let process = try PixtermBinary.start(Self.oneCredit, environment: env)
        let journal = dir.file("data/pixterm/journal")
        // The entry is written after the reservation, just before the request goes out; the answer takes 3 s.
        let killed = await Self.kill(process, halfASecondAfterAFileEndingIn: ".json", appearsIn: journal, within: 30)
        #expect(killed, "killed while its request was in flight")
        #expect(process.terminationReason == .uncaughtSignal)
        let next = try await PixtermBinary.run(Self.oneCredit, environment: env)
        #expect(next.status == 4, "\(next.stderr)")
        #expect(next.stderr.contains("over the daily budget of 1 credit: 1 spent today, 0 remain"), "\(next.stderr)")
        // Normally the request went out before the kill and the simulator charged it, as counted; on
        // a machine too loaded to send it within half a second, nothing went out or was charged.
        try await Task.sleep(for: .seconds(4))
        let received = try slow.receivedRequests().count
        #expect(received <= 1)
        #expect(try slow.credits() == Self.startingCredits - received, "charged at most what the ledger counts")
    }
}

extension BudgetCommandTests {
    /// SIGKILLs `process` half a second after a file ending in `suffix` appears in `folder`; false
    /// when it did not appear within `seconds` or the process ended first. It watches from a
    /// thread of its own: Swift's few cooperative threads may be busy with other tests for seconds.
    static func kill(
        _ process: Process, halfASecondAfterAFileEndingIn suffix: String, appearsIn folder: URL, within seconds: TimeInterval
    ) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let deadline = Date().addingTimeInterval(seconds)
                var killed = false
                while Date() < deadline, process.isRunning {
                    if ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).contains(where: { $0.hasSuffix(suffix) }) {
                        usleep(500_000)
                        killed = process.isRunning
                        Foundation.kill(process.processIdentifier, SIGKILL)
                        break
                    }
                    usleep(5_000)
                }
                process.waitUntilExit()
                continuation.resume(returning: killed)
            }
        }
    }
}

/// `pixterm cost` and `pixterm doctor` say where the spend stands against the budgets.
extension BudgetCommandTests {
    @Test func costSaysWhatIsSpentAndWhetherTheRequestWouldCrossABudget() async throws {
        try configure("[budget]\ndaily = 5\nmonthly = 100\n")
        let ledger = dir.file("data/pixterm/journal/ledger.sqlite")
        let before = try await run(["cost", "-s", "1024x1024", "-q", "low"])
        #expect(before.stdout.contains("budget: 0 of 5 credits spent today (5 remain), 0 of 100 credits spent this month (100 remain)"), "\(before.stdout)")
        #expect(!FileManager.default.fileExists(atPath: ledger.path), "looking creates no ledger")
        for _ in 0..<4 { #expect(try await run(Self.oneCredit).status == 0) }

        let fits = try await run(["cost", "-s", "1024x1024", "-q", "low"])
        #expect(fits.status == 0)
        #expect(fits.stdout.hasPrefix("gpt-image-2 1024x1024 low (1K tier): 1 credit"), "the first line is as before: \(fits.stdout)")
        #expect(fits.stdout.contains("  budget: 4 of 5 credits spent today (1 remains), 4 of 100 credits spent this month (96 remain)\n"), "\(fits.stdout)")
        #expect(fits.stdout.contains("  within the budgets\n"), "\(fits.stdout)")
        let crosses = try await run(["cost", "-s", "2048x2048", "-q", "low"])
        #expect(
            crosses.stdout.contains(
                "  not sent without --over-budget: over the daily budget of 5 credits: 4 spent today, 1 remains, and this request costs 2\n"),
            "\(crosses.stdout)")

        let json = try await run(["cost", "-s", "2048x2048", "-q", "low", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["costCredits"] as? Int == 2, "the fields before are kept")
        let budget = try #require(object["budget"] as? [String: Any])
        #expect(budget["daily"] as? Int == 5 && budget["monthly"] as? Int == 100)
        #expect(budget["spentToday"] as? Int == 4 && budget["spentThisMonth"] as? Int == 4)
        #expect(budget["remainingToday"] as? Int == 1 && budget["remainingThisMonth"] as? Int == 96)
        #expect(budget["wouldCross"] as? [String] == ["daily"])
        #expect((budget["refusal"] as? String)?.contains("over the daily budget of 5 credits") == true)
        #expect(try posts().count == 4, "cost sends nothing")
    }

    @Test func withoutABudgetCostJSONHasNoBudget() async throws {
        let output = try await run(["cost", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["budget"] == nil)
        #expect(!output.stdout.contains("budget"))
        #expect(try await run(["cost"]).stdout.split(separator: "\n").allSatisfy { !$0.contains("budget") })
    }

    @Test func doctorShowsTheBudgetsAndWhereTheLedgerIs() async throws {
        let ledger = dir.path("data/pixterm/journal/ledger.sqlite")
        let none = try await run(["doctor", "--offline"])
        #expect(none.stdout.contains("ledger       \(ledger) (not created yet: nothing spent)"), "\(none.stdout)")
        #expect(none.stdout.contains("budgets      none ([budget] daily = N, monthly = N in "), "\(none.stdout)")
        try configure("[budget]\ndaily = 5\n")
        #expect(try await run(Self.oneCredit).status == 0)
        let set = try await run(["doctor", "--offline"])
        #expect(set.stdout.contains("ledger       \(ledger)\n"), "\(set.stdout)")
        #expect(set.stdout.contains("budgets      1 of 5 credits spent today (4 remain)\n"), "\(set.stdout)")
    }
}
