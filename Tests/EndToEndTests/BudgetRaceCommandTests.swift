import Foundation
import Testing
import TestSupport

/// Many `pixterm generate` processes started at once against one budget and one simulator:
/// exactly the requests that fit are sent and charged, the others exit 4, never one more.
final class BudgetRaceCommandTests {
    let sim: SimulatorProcess
    let dir: TemporaryDirectory
    static let startingCredits = 1000
    static let processes = 12
    /// The simulator holds every answer this long, so the requests that won are in flight together.
    static let latencyMs = 1500

    init() throws {
        sim = try SimulatorProcess(["--credits", "\(Self.startingCredits)", "--latency", "\(Self.latencyMs)"])
        dir = try TemporaryDirectory()
    }

    deinit { dir.remove() }

    struct Run: Sendable {
        let status: Int32
        let stderr: String
        let started: Date
        let ended: Date
    }

    /// 1-credit requests: five fit a budget of 5. 2-credit requests: two fit, and the last
    /// credit is contested by ten processes that each need two.
    @Test(arguments: [("1024x1024", 1, 5), ("2048x2048", 2, 2)])
    func manyProcessesAtOnceSendExactlyWhatFitsTheBudget(size: String, cost: Int, fit: Int) async throws {
        let config = dir.file("config/pixterm/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("[budget]\ndaily = 5\n".utf8).write(to: config)
        let environment = dir.isolatedEnvironment(["PIXAPI_KEY": "k", "PIXAPI_BASE_URL": sim.baseURL, "TZ": BudgetCommandTests.noonZone])
        let arguments = ["generate", "racing", "-s", size, "-q", "low"]
        let runs = try await withThrowingTaskGroup(of: Run.self) { group in
            for _ in 0..<Self.processes {
                group.addTask {
                    let started = Date()
                    let output = try await PixtermBinary.run(arguments, environment: environment)
                    return Run(status: output.status, stderr: output.stderr, started: started, ended: Date())
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let statuses = runs.map(\.status)
        #expect(statuses.filter { $0 == 0 }.count == fit, "\(runs.map { "\($0.status) \($0.stderr)" })")
        #expect(statuses.filter { $0 == 4 }.count == Self.processes - fit)
        for run in runs where run.status == 4 { #expect(run.stderr.contains("over the daily budget of 5 credits"), "\(run.stderr)") }
        let posts = try sim.receivedRequests().filter { $0["method"] as? String == "POST" }
        #expect(posts.count == fit, "the simulator received only what fits")
        let charged = Self.startingCredits - (try sim.credits() ?? Self.startingCredits)
        #expect(charged == fit * cost)
        #expect(charged <= 5)
        // They raced: every process started before any had finished.
        let lastStart = try #require(runs.map(\.started).max()), firstEnd = try #require(runs.map(\.ended).min())
        #expect(lastStart < firstEnd, "the processes overlapped")
    }
}
