import Foundation
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

@Suite(.serialized) struct ClientFaultTests {
    let request = ImageRequest(model: "gpt-image-2", prompt: "a bridge", size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON)

    func postCount(_ harness: SimulatorHarness) async -> Int {
        await harness.simulator.receivedRequests().filter { $0.method == "POST" }.count
    }

    @Test func rateLimitIsRetriedAfterRetryAfter() async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(.status(429, retryAfter: 1))
            let clock = ContinuousClock()
            let start = clock.now
            let result = try await harness.client.create(request, staging: harness.staging)
            #expect(result.items.count == 1)
            #expect(clock.now - start >= .seconds(1))
            #expect(await postCount(harness) == 2)
        }
    }

    /// Complete answers by which the server says it did not act. Lost answers (drop, truncate)
    /// are never retried: `PaidRequestTests`.
    @Test(arguments: [Fault.status(500), .status(503)])
    func transientFailuresAreRetried(fault: Fault) async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(fault)
            let result = try await harness.client.create(request, staging: harness.staging)
            #expect(result.items.count == 1)
            #expect(await postCount(harness) == 2)
        }
    }

    @Test func retriesAreBounded() async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(.status(503, count: 10))
            await #expect(throws: PixapiError.self) { try await harness.client.create(request, staging: harness.staging) }
            #expect(await postCount(harness) == SimulatorHarness.fastRetry.maxAttempts)
            #expect(harness.stagedFiles.isEmpty)
        }
    }

    @Test(arguments: [(401, PixapiError.Kind.unauthorized), (402, .insufficientCredits), (400, .invalidRequest), (404, .notFound)])
    func refusalsAreReportedWithoutRetry(status: Int, kind: PixapiError.Kind) async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(.status(status))
            do throws(PixapiError) {
                _ = try await harness.client.create(request, staging: harness.staging)
                Issue.record("expected \(status) to fail")
            } catch {
                #expect(error.kind == kind)
                #expect(error.status == status)
            }
            #expect(await postCount(harness) == 1)
        }
    }

    @Test func malformedBodyIsAnErrorAndLeavesNoFiles() async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(Fault(kind: .malformed))
            do throws(PixapiError) {
                _ = try await harness.client.create(request, staging: harness.staging)
                Issue.record("expected a malformed response error")
            } catch {
                // A garbled 2xx to a paid request: it may have been charged.
                #expect(error.kind == .unknownOutcome)
                #expect(error.message.contains("not the JSON the API describes"), "\(error)")
            }
            #expect(await postCount(harness) == 1)
            #expect(harness.stagedFiles.isEmpty)
        }
    }

    @Test func slowButSteadyBodyCompletes() async throws {
        // 20 chunks about 50 ms apart: never silent for the 500 ms read timeout.
        try await SimulatorHarness.with(readTimeout: .milliseconds(500), retry: .none) { harness in
            await harness.simulator.schedule(Fault(kind: .slowBody, durationMs: 1000))
            let result = try await harness.client.create(request, staging: harness.staging)
            #expect(result.items.count == 1)
        }
    }

    /// A steady body completes while every thread of the test pool is held for longer than the
    /// read timeout: the simulator and the client each run on a thread of their own
    /// (`DedicatedThreadExecutor`), and the simulator's pauses are timed by an event loop. On the
    /// pool, the pauses and the client's reads would wait for a free thread, past the timeout.
    @Test func slowBodyKeepsItsPaceWhileTheTestPoolIsBusy() async throws {
        try await SimulatorHarness.with(readTimeout: .milliseconds(500), retry: .none) { harness in
            await harness.simulator.schedule(Fault(kind: .slowBody, durationMs: 2000))
            let (client, request, staging) = (harness.client, request, harness.staging)
            async let result = client.create(request, staging: staging)
            while await postCount(harness) == 0 { try await Task.sleep(for: .milliseconds(10)) }
            let holds = (0..<ProcessInfo.processInfo.activeProcessorCount).map { _ in Task.detached { _ = usleep(1_200_000) } }
            #expect(try await result.items.count == 1)
            for hold in holds { await hold.value }
        }
    }

    @Test func stalledBodyTimesOutAndLeavesNoFiles() async throws {
        // 20 chunks a second apart: silent for longer than the 300 ms read timeout.
        try await SimulatorHarness.with(readTimeout: .milliseconds(300), retry: .none) { harness in
            await harness.simulator.schedule(Fault(kind: .slowBody, durationMs: 19_000))
            let clock = ContinuousClock()
            let start = clock.now
            do throws(PixapiError) {
                _ = try await harness.client.create(request, staging: harness.staging)
                Issue.record("expected a timeout")
            } catch {
                // A paid request that stopped answering mid-body: it may have been charged.
                #expect(error.kind == .unknownOutcome, "\(error)")
                #expect(error.message.contains("timed out"), "\(error)")
            }
            #expect(clock.now - start < .seconds(5))
            #expect(harness.stagedFiles.isEmpty)
        }
    }

    @Test func failedTaskIsReported() async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.schedule(Fault(kind: .taskFails, message: "the model ran out of ink"))
            let task = try await harness.client.submitTask(request)
            do throws(PixapiError) {
                _ = try await harness.client.waitForTask(id: task.id, staging: harness.staging, schedule: SimulatorHarness.fastPoll)
                Issue.record("expected the task to fail")
            } catch {
                #expect(error.kind == .taskFailed)
                #expect(error.message.contains(task.id))
            }
        }
    }

    @Test func aRejectedKeyIsNeverShown() async throws {
        let key = "sk-live-SECRET-4242"
        try await SimulatorHarness.with(key: key, requiredKey: "sk-other") { harness in
            do throws(PixapiError) {
                _ = try await harness.client.create(request, staging: harness.staging)
                Issue.record("expected 401")
            } catch {
                #expect(error.kind == .unauthorized)
                #expect(!error.description.contains(key))
                #expect(!error.description.contains("SECRET"))
            }
        }
    }

    @Test func insufficientCreditsFromTheBalance() async throws {
        try await SimulatorHarness.with(credits: 10) { harness in
            var expensive = request
            expensive.quality = .high
            do throws(PixapiError) {
                _ = try await harness.client.create(expensive, staging: harness.staging)
                Issue.record("expected 402")
            } catch {
                #expect(error.kind == .insufficientCredits)
                #expect(error.requestID != nil)
            }
        }
    }

    @Test func aServerThatIsNotRunningIsReportedAtOnceNotAfterTheConnectTimeout() async throws {
        let client = PixapiClient(
            configuration: ClientConfiguration(
                baseURL: URL(string: "http://127.0.0.1:9")!, apiKey: "k", connectTimeout: .seconds(60), retry: .none
            ))
        let start = ContinuousClock.now
        do throws(PixapiError) {
            _ = try await client.create(request, staging: FileManager.default.temporaryDirectory)
            Issue.record("expected a connection error")
        } catch {
            #expect(error.kind == .network)
            #expect(error.message == "nothing is listening at 127.0.0.1 (connection refused); check --base-url, or that the server is running")
        }
        // A refused connection is an answer: waiting out the 60 s connect timeout helps nobody.
        #expect(ContinuousClock.now - start < .seconds(30))
        await client.shutdown()
    }
}
