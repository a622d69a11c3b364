import Foundation
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

/// A paid POST is charged once, or reported as an unknown outcome: it is sent again on its own
/// only when the server certainly did not act, always with the same `Idempotency-Key`.
@Suite(.serialized) struct PaidRequestTests {
    static let request = ImageRequest(model: "gpt-image-2", prompt: "a bridge", size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON)
    static let syncPath = "/v1/images/generations"
    static let asyncPath = "/v1/async/images/generations"

    static func posts(_ harness: SimulatorHarness) async -> [RecordedRequest] {
        await harness.simulator.receivedRequests().filter { $0.method == "POST" }
    }

    /// The POSTs once the simulator has recorded one (for up to 5 s). It records a request after
    /// working out its answer, on the same task pool as the tests: on a loaded machine a client
    /// that gave up after a short read timeout can return before that. A retry would have been
    /// sent before the client returned, so waiting for the first cannot hide a second.
    static func postsOnceRecorded(_ harness: SimulatorHarness) async -> [RecordedRequest] {
        for _ in 0..<250 {
            let recorded = await posts(harness)
            if !recorded.isEmpty { return recorded }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await posts(harness)
    }

    /// Runs one paid POST, sync or async, expecting its answer to be lost.
    static func expectUnknownOutcome(_ harness: SimulatorHarness, async: Bool, key: String) async {
        do throws(PixapiError) {
            if async {
                _ = try await harness.client.submitTask(request, idempotencyKey: key)
            } else {
                _ = try await harness.client.create(request, idempotencyKey: key, staging: harness.staging)
            }
            Issue.record("expected the answer to be lost")
        } catch {
            #expect(error.kind == .unknownOutcome, "\(error)")
            #expect(error.message.contains("may have been charged"), "\(error)")
        }
    }

    @Test(arguments: [Fault.Kind.truncate, .dropAfterWork], [false, true])
    func anAnswerLostAfterTheChargeIsNotRetriedAndChargedOnce(kind: Fault.Kind, async: Bool) async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            await harness.simulator.schedule(Fault(kind: kind, path: async ? Self.asyncPath : Self.syncPath))
            await Self.expectUnknownOutcome(harness, async: async, key: "key-lost")
            #expect(await Self.posts(harness).count == 1, "a lost answer is never sent again on its own")
            #expect(await harness.simulator.creditBalance() == 99, "charged exactly once")
            #expect(harness.stagedFiles.isEmpty)
        }
    }

    @Test(arguments: [false, true])
    func anEditWhoseAnswerIsLostIsChargedOnceAndRepeatedUnderItsKey(async: Bool) async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            let image = try harness.writePNG("source.png", width: 64, height: 64)
            let edit = ImageRequest(
                operation: .edit, model: "gpt-image-2", prompt: "add a hat", size: .pixels(width: 1024, height: 1024), quality: .low,
                responseFormat: .b64JSON, images: [image]
            )
            let path = async ? "/v1/async/images/edits" : "/v1/images/edits"
            await harness.simulator.schedule(Fault(kind: .dropAfterWork, path: path))
            do throws(PixapiError) {
                if async {
                    _ = try await harness.client.submitTask(edit, idempotencyKey: "key-edit")
                } else {
                    _ = try await harness.client.create(edit, idempotencyKey: "key-edit", staging: harness.staging)
                }
                Issue.record("expected the answer to be lost")
            } catch {
                #expect(error.kind == .unknownOutcome, "\(error)")
            }
            #expect(await Self.posts(harness).count == 1)
            if async {
                _ = try await harness.client.submitTask(edit, idempotencyKey: "key-edit")
            } else {
                _ = try await harness.client.create(edit, idempotencyKey: "key-edit", staging: harness.staging)
            }
            let posts = await Self.posts(harness)
            #expect(posts.map(\.replayed) == [false, true])
            #expect(posts.last?.files.first?.format == "png", "the multipart body went out whole")
            #expect(await harness.simulator.creditBalance() == 99)
        }
    }

    @Test func aConnectionDroppedAfterTheBodyWasSentIsAnUnknownOutcome() async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            await harness.simulator.schedule(Fault(kind: .drop, path: Self.syncPath))
            await Self.expectUnknownOutcome(harness, async: false, key: "key-drop")
            #expect(await Self.posts(harness).count == 1)
        }
    }

    @Test func aReadTimeoutOnAPaidRequestIsAnUnknownOutcome() async throws {
        try await SimulatorHarness.with(credits: 100, readTimeout: .milliseconds(300)) { harness in
            await harness.simulator.schedule(Fault(kind: .slowBody, path: Self.syncPath, durationMs: 19_000))
            await Self.expectUnknownOutcome(harness, async: false, key: "key-slow")
            #expect(await Self.postsOnceRecorded(harness).count == 1)
        }
    }

    /// 502/504: a gateway lost the upstream's answer; 409: the first request under the same key
    /// is still being worked on. Either way it may have acted.
    @Test(arguments: [502, 504, 409])
    func aGatewayErrorOnAPaidRequestIsNotRetried(status: Int) async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(.status(status, path: Self.syncPath))
            await Self.expectUnknownOutcome(harness, async: false, key: "key-gateway")
            #expect(await Self.posts(harness).count == 1)
        }
    }

    @Test(arguments: [Fault.status(429, retryAfter: 0), .status(500), .status(503)], [false, true])
    func aCompleteRefusalIsRetriedWithTheSameKey(fault: Fault, async: Bool) async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            var refusal = fault
            refusal.path = async ? Self.asyncPath : Self.syncPath
            await harness.simulator.schedule(refusal)
            if async {
                _ = try await harness.client.submitTask(Self.request, idempotencyKey: "key-retried")
            } else {
                _ = try await harness.client.create(Self.request, idempotencyKey: "key-retried", staging: harness.staging)
            }
            let posts = await Self.posts(harness)
            #expect(posts.map(\.idempotencyKey) == ["key-retried", "key-retried"])
            #expect(posts.map(\.replayed) == [false, false])
            #expect(await harness.simulator.creditBalance() == 99)
        }
    }

    @Test func everyRequestCarriesAKeyOfItsOwn() async throws {
        try await SimulatorHarness.with { harness in
            _ = try await harness.client.create(Self.request, staging: harness.staging)
            _ = try await harness.client.create(Self.request, staging: harness.staging)
            _ = try await harness.client.submitTask(Self.request)
            let keys = await Self.posts(harness).compactMap(\.idempotencyKey)
            #expect(keys.count == 3)
            #expect(Set(keys).count == 3)
            #expect(keys.allSatisfy { $0.hasPrefix("pixterm-") })
        }
    }

    @Test func aKnowingRetryOfALostSyncAnswerGetsTheImagesWithoutASecondCharge() async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            await harness.simulator.schedule(Fault(kind: .truncate, path: Self.syncPath))
            await Self.expectUnknownOutcome(harness, async: false, key: "key-again")
            let result = try await harness.client.create(Self.request, idempotencyKey: "key-again", staging: harness.staging)
            let item = try #require(result.items.first)
            let image = try #require(try SimulatorHarness.header(try await harness.materialize(item)))
            #expect(image.width == 1024 && image.height == 1024)
            #expect(await harness.simulator.creditBalance() == 99)
            #expect(await Self.posts(harness).map(\.replayed) == [false, true])
        }
    }

    @Test func aKnowingRetryOfALostTaskFindsTheSameTask() async throws {
        try await SimulatorHarness.with(credits: 100) { harness in
            await harness.simulator.schedule(Fault(kind: .dropAfterWork, path: Self.asyncPath))
            await Self.expectUnknownOutcome(harness, async: true, key: "key-task")
            let task = try await harness.client.submitTask(Self.request, idempotencyKey: "key-task")
            let again = try await harness.client.submitTask(Self.request, idempotencyKey: "key-task")
            #expect(again.id == task.id, "one key, one task")
            let result = try await harness.client.waitForTask(id: task.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll)
            #expect(result.items.count == 1)
            #expect(await harness.simulator.creditBalance() == 99)
        }
    }

    @Test func aRefusedConnectionIsRetriedAsNothingWasSent() async throws {
        let retries = RetryLog()
        let client = PixapiClient(
            configuration: ClientConfiguration(
                baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", connectTimeout: .seconds(5), retry: SimulatorHarness.fastRetry
            ),
            onEvent: retries.record
        )
        do throws(PixapiError) {
            _ = try await client.create(Self.request, idempotencyKey: "key-refused", staging: FileManager.default.temporaryDirectory)
            Issue.record("expected a connection error")
        } catch {
            #expect(error.kind == .network, "\(error)")
            #expect(error.message.contains("connection refused"))
        }
        #expect(retries.count == SimulatorHarness.fastRetry.maxAttempts - 1)
        await client.shutdown()
    }

    @Test func pollsAreStillRetriedAfterADroppedConnection() async throws {
        try await SimulatorHarness.with { harness in
            let task = try await harness.client.submitTask(Self.request)
            await harness.simulator.schedule(Fault(kind: .drop, path: "/v1/tasks/"))
            let result = try await harness.client.waitForTask(id: task.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll)
            #expect(result.items.count == 1)
        }
    }
}

/// Counts the client's retry events.
final class RetryLog: @unchecked Sendable {
    private let lock = NSLock()
    private var retries = 0

    func record(_ event: ClientEvent) {
        if case .retrying = event { lock.withLock { retries += 1 } }
    }

    var count: Int { lock.withLock { retries } }
}
