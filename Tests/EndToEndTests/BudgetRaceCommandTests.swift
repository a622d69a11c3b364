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
        /// When the test saw it exit.
        let ended: Date
    }

    /// Starts `count` pixterms with `arguments` one right after the other from a thread of its
    /// own (Swift's cooperative threads may be busy with other tests), then waits for them all.
    /// Returns each run and when the last one was started.
    static func startAtOnce(_ count: Int, _ arguments: [String], environment: [String: String]) async throws -> (runs: [Run], lastStart: Date) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result {
                        let processes = (0..<count).map { _ in PixtermBinary.process(arguments, environment: environment) }
                        let errors = processes.map { process in
                            let pipe = Pipe()
                            process.standardError = pipe
                            process.standardOutput = FileHandle.nullDevice
                            process.standardInput = FileHandle.nullDevice
                            return pipe
                        }
                        for process in processes { try process.run() }
                        let lastStart = Date()
                        var ended: [Date?] = Array(repeating: nil, count: count)
                        let deadline = Date().addingTimeInterval(120)
                        while ended.contains(where: { $0 == nil }), Date() < deadline {
                            for (index, process) in processes.enumerated() where ended[index] == nil && !process.isRunning { ended[index] = Date() }
                            usleep(2_000)
                        }
                        let runs = processes.indices.map { index in
                            processes[index].waitUntilExit()
                            let stderr = String(decoding: errors[index].fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                            return Run(status: processes[index].terminationStatus, stderr: stderr, ended: ended[index] ?? Date())
                        }
                        return (runs, lastStart)
                    })
            }
        }
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
        let (runs, lastStart) = try await Self.startAtOnce(Self.processes, arguments, environment: environment)
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
        let firstEnd = try #require(runs.map(\.ended).min())
        #expect(lastStart < firstEnd, "the processes overlapped")
    }
}
