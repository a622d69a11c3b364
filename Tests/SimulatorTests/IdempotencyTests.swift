import Foundation
import PixapiSimulator
import TestSupport
import Testing

/// The simulator honours `Idempotency-Key`: a repeat gets the first answer and costs nothing.
@Suite("Idempotency-Key")
struct IdempotencyTests {
    static var body: [String: Any] { ["model": "gpt-image-2", "prompt": "a lighthouse", "quality": "low", "response_format": "url"] }

    static func post(_ sim: RunningSimulator, _ path: String, key: String?) async throws -> RawResponse {
        var headers = [("Content-Type", "application/json"), ("Authorization", "Bearer \(RawHTTP.key)")]
        if let key { headers.append(("Idempotency-Key", key)) }
        return try await RawHTTP.send(
            .POST, sim.baseURL.absoluteString + path, headers: headers, body: Array(try JSONSerialization.data(withJSONObject: body))
        )
    }

    @Test("a repeated key gets the first answer and no second charge", arguments: ["/v1/images/generations", "/v1/async/images/generations"])
    func repeatIsReplayed(path: String) async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            let first = try await Self.post(sim, path, key: "k-1")
            let second = try await Self.post(sim, path, key: "k-1")
            #expect(first.status == 200 && second.status == 200)
            #expect(second.body == first.body, "the same images, or for a task the same task id")
            #expect(await sim.creditBalance() == 9)
            let log = await sim.receivedRequests()
            #expect(log.map(\.idempotencyKey) == ["k-1", "k-1"])
            #expect(log.map(\.replayed) == [false, true])
        }
    }

    /// Kept answers stay within `rememberedAnswerBytes`; the oldest go first, the newest stays.
    @Test("answers past the memory bound are forgotten, oldest first")
    func oldAnswersAreForgotten() async throws {
        var configuration = SimulatorConfiguration(startingCredits: 10)
        configuration.rememberedAnswerBytes = 1
        try await withSimulator(configuration) { sim in
            let path = "/v1/images/generations"
            for key in ["k-1", "k-2", "k-2", "k-1"] {
                let answer = try await Self.post(sim, path, key: key)
                #expect(answer.status == 200)
            }
            #expect(await sim.receivedRequests().map(\.replayed) == [false, false, true, false])
            #expect(await sim.creditBalance() == 7, "k-1 was forgotten when k-2 came, so its repeat is charged")
        }
    }

    @Test("different keys, or none, are separate requests")
    func differentKeysAreCharged() async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            let path = "/v1/images/generations"
            let first = try await Self.post(sim, path, key: "k-1")
            let other = try await Self.post(sim, path, key: "k-2")
            _ = try await Self.post(sim, path, key: nil)
            _ = try await Self.post(sim, path, key: nil)
            #expect(first.body != other.body)
            #expect(await sim.creditBalance() == 6)
        }
    }

    @Test("a refused request does not use up its key")
    func refusalFreesTheKey() async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            let path = "/v1/images/generations"
            await sim.schedule(.status(503, path: path))
            let refused = try await Self.post(sim, path, key: "k-1")
            let accepted = try await Self.post(sim, path, key: "k-1")
            #expect(refused.status == 503 && accepted.status == 200)
            #expect(await sim.creditBalance() == 9)
        }
    }

    @Test(
        "dropAfterWork charges, then closes without an answer; the key then replays the answer",
        arguments: [
            "/v1/images/generations", "/v1/async/images/generations",
        ])
    func dropAfterWork(path: String) async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            await sim.schedule(Fault(kind: .dropAfterWork, path: path))
            await #expect(throws: (any Error).self) { _ = try await Self.post(sim, path, key: "k-cut") }
            #expect(await sim.creditBalance() == 9, "the work was done and charged before the cut")
            let again = try await Self.post(sim, path, key: "k-cut")
            #expect(again.status == 200)
            #expect(await sim.creditBalance() == 9)
            let log = await sim.receivedRequests()
            #expect(log.map(\.fault) == [.dropAfterWork, nil])
            #expect(log.first?.status == nil)
        }
    }

    @Test("truncate charges before it cuts the answer", arguments: ["/v1/images/generations", "/v1/async/images/generations"])
    func truncateCharges(path: String) async throws {
        try await withSimulator(.init(startingCredits: 10)) { sim in
            await sim.schedule(Fault(kind: .truncate, path: path))
            await #expect(throws: (any Error).self) { _ = try await Self.post(sim, path, key: "k-half") }
            #expect(await sim.creditBalance() == 9)
            let repeated = try await Self.post(sim, path, key: "k-half")
            #expect(repeated.json != nil, "the repeat gets the whole answer")
            #expect(await sim.creditBalance() == 9)
        }
    }
}
