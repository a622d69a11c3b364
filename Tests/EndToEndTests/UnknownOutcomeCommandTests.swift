import Foundation
import Testing
import TestSupport

/// A paid request whose answer is lost, as a user meets it: `generate` says it may have been
/// charged and exits 3, `pixterm tasks` lists it, and `tasks retry` sends it again knowingly
/// under the same Idempotency-Key (issue 10's reproduction against `pixterm sim`).
final class UnknownOutcomeCommandTests {
    let sim: SimulatorProcess
    let dir: TemporaryDirectory

    init() throws {
        sim = try SimulatorProcess(["--credits", "100000", "--task-duration", "300"])
        dir = try TemporaryDirectory()
    }

    deinit { dir.remove() }

    private func run(_ arguments: [String], baseURL: String? = nil) async throws -> PixtermBinary.Output {
        let environment = dir.isolatedEnvironment(["PIXAPI_KEY": "k", "PIXAPI_BASE_URL": baseURL ?? sim.baseURL])
        return try await PixtermBinary.run(arguments, environment: environment)
    }

    private func tasks() async throws -> [[String: Any]] {
        let output = try await run(["tasks", "list", "--json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
    }

    private func posts() throws -> [[String: Any]] {
        try sim.receivedRequests().filter { $0["method"] as? String == "POST" }
    }

    @Test(arguments: [false, true])
    func aCutAnswerIsChargedOnceExitsThreeAndIsKeptThenRetriedKnowingly(async: Bool) async throws {
        let path = async ? "/v1/async/images/generations" : "/v1/images/generations"
        try sim.schedule(#"{"kind":"truncate","path":"\#(path)","count":1}"#)
        var arguments = ["generate", "x", "-s", "1024x1024", "-q", "low", "--response-format", "b64_json", "--base-url", sim.baseURL]
        if async { arguments.append("--async") }
        let generated = try await run(arguments)
        #expect(generated.status == 3, "\(generated.stderr)")
        #expect(generated.stderr.contains("may have been charged") && generated.stderr.contains("pixterm tasks"), "\(generated.stderr)")
        #expect(generated.stdout.isEmpty)
        #expect(try sim.credits() == 99_999, "charged once")
        #expect(try posts().count == 1, "one request, so at most one task")

        let listed = try await tasks()
        #expect(listed.count == 1)
        let entry = try #require(listed.first)
        let id = try #require(entry["id"] as? String)
        #expect(entry["state"] as? String == "outcome unknown: may have been charged")
        #expect(entry["cost"] as? Int == 1)
        let key = try #require(entry["idempotencyKey"] as? String)
        #expect(try posts().first?["idempotencyKey"] as? String == key)
        let table = try await run(["tasks"])
        #expect(table.stdout.contains(id) && table.stdout.contains("may have been charged"), "\(table.stdout)")

        let resumed = try await run(["tasks", "resume"])
        #expect(resumed.status == 0 && resumed.stdout.isEmpty)
        #expect(resumed.stderr.contains("pixterm tasks retry \(id)"), "\(resumed.stderr)")

        let unconfirmed = try await run(["tasks", "retry", id])
        #expect(unconfirmed.status == 2, "\(unconfirmed.stderr)")
        #expect(unconfirmed.stderr.contains("1 credits") && unconfirmed.stderr.contains("--yes"), "\(unconfirmed.stderr)")
        #expect(try posts().count == 1, "nothing is sent without a yes")

        let retried = try await run(["tasks", "retry", id, "--yes", "--json"])
        #expect(retried.status == 0, "\(retried.stderr)")
        let paths = try #require(try JSONSerialization.jsonObject(with: Data(retried.stdout.utf8)) as? [String])
        #expect(paths.count == 1 && paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(try await tasks().isEmpty)
        let all = try posts()
        #expect(all.map { $0["idempotencyKey"] as? String } == [key, key])
        #expect(all.last?["replayed"] as? Bool == true)
        #expect(try sim.credits() == 99_999, "the knowing retry was answered from the first, not charged again")
    }

    @Test func aRefusedConnectionExitsOneAndLeavesNothingInTheJournal() async throws {
        let output = try await run(["generate", "x", "-s", "1024x1024", "-q", "low"], baseURL: "http://127.0.0.1:9")
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.contains("connection refused"), "\(output.stderr)")
        #expect(try await tasks().isEmpty, "nothing was sent, so nothing is kept")
    }
}
