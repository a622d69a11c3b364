import Foundation
import PixapiSimulator
import Testing
import TestSupport

/// `pixterm spend`, run as a user would: against `pixterm sim`, on a private home and gallery.
/// Serialized: each test runs pixterm processes and a simulator; run together they starve the
/// timed tests of other suites.
@Suite(.serialized) struct SpendCommandTests {
    /// A simulator with 1,000 credits (its balance says what it charged) and a private home
    /// whose gallery is `gallery`.
    final class Setup {
        let sim: SimulatorProcess
        let dir: TemporaryDirectory
        var gallery: URL { dir.file("gallery") }
        var environment: [String: String] {
            dir.isolatedEnvironment(["PIXTERM_GALLERY": gallery.path, "PIXAPI_BASE_URL": sim.baseURL, "PIXAPI_KEY": "sk-e2e-spend"])
        }

        init() throws {
            sim = try SimulatorProcess(["--task-duration", "300", "--credits", "1000"])
            dir = try TemporaryDirectory("pixterm-spend")
        }

        deinit { dir.remove() }

        func run(_ arguments: [String]) async throws -> PixtermBinary.Output {
            try await PixtermBinary.run(arguments, environment: environment)
        }

        func json(_ arguments: [String]) async throws -> [String: Any] {
            let output = try await run(arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        }

        /// Credits the simulator charged so far.
        func charged() throws -> Int { 1000 - (try sim.credits() ?? 1000) }

        func writeConfig(_ text: String) throws {
            let config = dir.file("config/pixterm")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: config.appendingPathComponent("config.toml"))
        }
    }

    /// `yyyy-MM-dd` of `date` in the local zone, as the ledger keys days.
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    @Test func spendAddsUpWhatWasChargedAndDeletingImagesChangesNothing() async throws {
        let setup = try Setup()
        let fox = try await setup.run(["generate", "a fox in the snow", "-n", "2", "-q", "low", "--json"])
        #expect(fox.status == 0, "\(fox.stderr)")
        let heron = try await setup.run(["generate", "a heron", "-q", "medium", "--async", "--json"])
        #expect(heron.status == 0, "\(heron.stderr)")
        let charged = try setup.charged()
        #expect(charged == 2 + 4)

        let before = try await setup.run(["spend", "--json"])
        let report = try await setup.json(["spend", "--json"])
        let total = try #require(report["total"] as? [String: Any])
        #expect(total["credits"] as? Int == charged, "the ledger says what the simulator charged")
        #expect(total["requests"] as? Int == 2 && total["images"] as? Int == 3)
        #expect(total["usd"] as? Double == 0.06)
        #expect(total["unknownCredits"] as? Int == 0)
        let rows = try #require(report["rows"] as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["day"] as? String == Self.day(Date()))
        #expect(report["budget"] == nil, "no budget line without [budget]")

        let table = try await setup.run(["spend"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix(Self.day(Date())) && $0.hasSuffix("$0.06        -") }, "\(table.stdout)")
        #expect(lines.contains { $0.hasPrefix("total") && $0.contains(" 6 ") })

        let byModel = try await setup.run(["spend", "--by", "model", "--csv"])
        #expect(byModel.status == 0, "\(byModel.stderr)")
        #expect(byModel.stdout == "model,requests,images,credits,usd,unknown_requests,unknown_credits,refused_requests\r\ngpt-image-2,2,3,6,0.06,0,0,0\r\n")

        // Every image to the trash, and the trash emptied.
        let list = try await setup.json(["gallery", "list", "--json"])
        let ids = try #require(list["entries"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids.count == 3)
        for id in ids { #expect(try await setup.run(["gallery", "rm", id]).status == 0) }
        try FileManager.default.removeItem(at: setup.gallery.appendingPathComponent(".trash"))
        #expect(try await setup.run(["gallery", "rebuild"]).status == 0)
        #expect(try await setup.json(["gallery", "stats", "--json"])["totalCredits"] as? Int == 0, "the gallery no longer has them")
        let after = try await setup.run(["spend", "--json"])
        #expect(after.status == 0 && after.stdout == before.stdout, "spend is the same after the images are gone")
    }

    @Test func sinceAndDaysNarrowTheReportAndMonthsAddUp() async throws {
        let setup = try Setup()
        let seed = GallerySeed(folder: setup.gallery)
        let now = Date()
        let old = now.addingTimeInterval(-40 * 86_400), recent = now.addingTimeInterval(-3 * 86_400)
        try seed.image("a/old.png", id: "old-0", prompt: "old", model: "gpt-image-1.5", created: old.formatted(.iso8601), credits: 7)
        try seed.image("a/recent.png", id: "recent-0", prompt: "recent", model: "gpt-image-2", created: recent.formatted(.iso8601), credits: 12)

        func credits(_ arguments: [String]) async throws -> Int? {
            try await (setup.json(["spend", "--json"] + arguments)["total"] as? [String: Any])?["credits"] as? Int
        }
        #expect(try await credits([]) == 12, "the last 30 days by default")
        #expect(try await credits(["--days", "41"]) == 19)
        #expect(try await credits(["--days", "4"]) == 12, "today and the three days before it, from midnight")
        #expect(try await credits(["--days", "3"]) == 0, "3 days ago is the fourth day")
        #expect(try await credits(["--since", Self.day(old)]) == 19)
        #expect(try await credits(["--since", "4d"]) == 12)
        let months = try await setup.json(["spend", "--json", "--days", "60", "--by", "month"])
        let monthRows = try #require(months["rows"] as? [[String: Any]])
        #expect(monthRows.compactMap { $0["month"] as? String } == Array(Set([old, recent].map { String(Self.day($0).prefix(7)) })).sorted())
        let models = try await setup.run(["spend", "--days", "60", "--by", "model"])
        let lines = models.stdout.split(separator: "\n").map(String.init)
        #expect(lines.dropFirst().first?.hasPrefix("model ") == true, "\(models.stdout)")
        #expect(lines.dropFirst(2).first?.hasPrefix("gpt-image-2 ") == true, "dearest model first")
    }

    @Test func badValuesAreUsageErrors() async throws {
        let setup = try Setup()
        for arguments in [
            ["--days", "0"], ["--days", "many"], ["--since", "someday"], ["--days", "3", "--since", "2d"], ["--by", "week"], ["--json", "--csv"],
        ] {
            let output = try await setup.run(["spend"] + arguments)
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
        #expect(try await setup.run(["spend", "--since", "someday"]).stderr.contains("--since: \"someday\" is not a day like 2026-11-01"))
        #expect(try await setup.run(["spend", "--days", "3", "--since", "2d"]).stderr.contains("give one"))
    }

    /// A gallery from before the ledger existed: its requests show in `spend` and count against
    /// the budgets, so the first request after the upgrade cannot overspend.
    @Test func anOlderGalleryIsImportedOnceAndCountedByTheBudgets() async throws {
        let setup = try Setup()
        let seed = GallerySeed(folder: setup.gallery)
        let earlier = Date().addingTimeInterval(-60)
        try seed.image("x/one.png", id: "one-0", prompt: "one", model: "gpt-image-2", created: earlier.formatted(.iso8601), credits: 12)
        try seed.image("x/two.png", id: "two-0", prompt: "two, \"quoted\"", model: "gpt-image-1.5", created: earlier.formatted(.iso8601), credits: 7)
        try seed.plainImage("x/holiday.png")
        try setup.writeConfig("[budget]\ndaily = 19\nmonthly = 1000\n")

        let report = try await setup.json(["spend", "--json"])
        #expect((report["total"] as? [String: Any])?["credits"] as? Int == 19)
        #expect((report["total"] as? [String: Any])?["requests"] as? Int == 2, "an image without a sidecar was not paid for here")
        let budget = try #require(report["budget"] as? [String: Any])
        #expect(budget["today"] as? Int == 19 && budget["daily"] as? Int == 19 && budget["monthly"] as? Int == 1000)
        let table = try await setup.run(["spend"])
        #expect(table.stdout.contains("budget: today 19 of 19 credits (0 left), this month 19 of 1000 credits (981 left)"), "\(table.stdout)")

        let refused = try await setup.run(["generate", "a fox", "-q", "low"])
        #expect(refused.status == 4, "over the daily budget: \(refused.stderr)")
        #expect(refused.stderr.contains("over the daily budget of 19 credits: 19 spent today"))
        #expect(try setup.sim.receivedRequests().filter { $0["method"] as? String == "POST" }.isEmpty, "nothing was sent")

        // Imported once: an image added later by hand is not taken for a new charge.
        try seed.image("x/three.png", id: "three-0", prompt: "three", model: "gpt-image-2", created: earlier.formatted(.iso8601), credits: 100)
        #expect(try await setup.run(["gallery", "rebuild"]).status == 0)
        #expect(((try await setup.json(["spend", "--json"]))["total"] as? [String: Any])?["credits"] as? Int == 19)
    }
}

extension SpendCommandTests {
    /// A request is in flight while the pixterm that sent it runs, its outcome unknown once that
    /// pixterm is killed, and charged once `tasks resume` finishes it: counted all along.
    @Test func aKilledRequestIsUnknownUntilResumed() async throws {
        let clock = TestClock()
        try await withSimulator(SimulatorConfiguration(taskDuration: .seconds(3), now: { clock.now })) { simulator in
            let dir = try TemporaryDirectory("pixterm-spend")
            defer { dir.remove() }
            let environment = dir.isolatedEnvironment(["PIXAPI_KEY": "sk-e2e-spend", "PIXTERM_GALLERY": dir.path("gallery")])
            let base = simulator.baseURL.absoluteString
            let journal = dir.file("data/pixterm/journal")
            func total() async throws -> [String: Any] {
                let output = try await PixtermBinary.run(["spend", "--json"], environment: environment)
                #expect(output.status == 0, "\(output.stderr)")
                return try #require((try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])?["total"] as? [String: Any])
            }

            let process = try PixtermBinary.start(["generate", "a lighthouse", "-q", "medium", "--async", "--base-url", base], environment: environment)
            defer {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            let submitted = try await PixtermBinary.wait(timeout: 20) {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
                return names.contains { name in
                    name.hasSuffix(".json") && ((try? String(contentsOf: journal.appendingPathComponent(name), encoding: .utf8))?.contains("\"taskID\"") ?? false)
                }
            }
            #expect(submitted, "the journal never recorded the task")
            let running = try await total()
            #expect(running["credits"] as? Int == 4 && running["unknownRequests"] as? Int == 0, "in flight, its owner alive: \(running)")

            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = try await total()
            #expect(killed["credits"] as? Int == 4 && killed["unknownRequests"] as? Int == 1 && killed["unknownCredits"] as? Int == 4)
            let table = try await PixtermBinary.run(["spend"], environment: environment)
            #expect(table.stdout.contains("unknown: 4 of these credits are for 1 request whose outcome is not known"), "\(table.stdout)")

            clock.advance(by: 3)
            let resumed = try await PixtermBinary.run(["tasks", "resume", "--base-url", base], environment: environment)
            #expect(resumed.status == 0, "\(resumed.stderr)")
            let settled = try await total()
            #expect(settled["credits"] as? Int == 4 && settled["unknownRequests"] as? Int == 0 && settled["images"] as? Int == 1, "\(settled)")
        }
    }
}
