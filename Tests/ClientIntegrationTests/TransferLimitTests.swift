import Foundation
import ImageCodec
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

/// Result downloads and answers under the transfer limits, over real loopback HTTP: hosts that
/// trickle, lie about their length, never stop, or send garbage behind a valid header. The limits
/// are shrunk (1 KiB/s over 1 s, 1 MiB per image) so each test takes a second or two.
@Suite(.serialized, .timeLimit(.minutes(1))) struct TransferLimitTests {
    static let limits = TransferLimits(stallWindow: .seconds(1), minimumBytesPerSecond: 1024, maxTimePerImage: .seconds(30), maxImageBytes: 1 << 20)

    /// A client with the small limits, a staging folder, and `body` run against them.
    static func withClient(
        baseURL: URL, limits: TransferLimits = limits, _ body: (PixapiClient, URL) async throws -> Void
    ) async throws {
        let client = PixapiClient(
            configuration: ClientConfiguration(
                baseURL: baseURL, apiKey: "sk-test-limits", connectTimeout: .seconds(5), readTimeout: .seconds(30),
                retry: SimulatorHarness.fastRetry, poll: SimulatorHarness.fastPoll, transfer: limits
            ))
        let staging = try TemporaryDirectory("pixterm-limits")
        defer { staging.remove() }
        try await using(client, tearDown: { await $0.shutdown() }) { client in try await body(client, staging.url) }
    }

    static func staged(_ staging: URL) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] }

    /// Downloads `path` from a scripted host; returns the error and how long it took to come.
    static func failedDownload(_ path: String, limits: TransferLimits = limits, route: @escaping @Sendable (String) -> [HostileImageHost.Step]) async throws
        -> (error: PixapiError, seconds: Double, requests: Int)
    {
        let server = try HostileImageHost(route: route)
        defer { server.close() }
        var outcome: (PixapiError, Double)?
        try await withClient(baseURL: server.baseURL, limits: limits) { client, staging in
            let destination = staging.appendingPathComponent("result.img")
            let start = ContinuousClock.now
            do throws(PixapiError) {
                try await client.download(server.baseURL.appendingPathComponent(path), to: destination)
                Issue.record("expected the download of \(path) to fail")
            } catch {
                let elapsed = ContinuousClock.now - start
                outcome = (error, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            #expect(!FileManager.default.fileExists(atPath: destination.path))
            #expect(staged(staging).isEmpty, "no partial file is left: \(staged(staging))")
        }
        let (error, seconds) = try #require(outcome)
        return (error, seconds, server.paths.count)
    }

    static func png(width: Int, height: Int) throws -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for index in pixels.indices { pixels[index] = UInt8(truncatingIfNeeded: index * 7 + index / 13) }
        return try PNGCodec.encode(RGBAImage(width: width, height: height, pixels: pixels))
    }

    @Test func aWholeImageFromAScriptedHostStillDownloads() async throws {
        let image = try Self.png(width: 40, height: 30)
        let server = try HostileImageHost { _ in HostileImageHost.answer(image, contentType: "image/png") }
        defer { server.close() }
        try await Self.withClient(baseURL: server.baseURL) { client, staging in
            let destination = staging.appendingPathComponent("ok.png")
            try await client.download(server.baseURL.appendingPathComponent("ok.png"), to: destination)
            #expect(try Data(contentsOf: destination) == Data(image))
        }
    }

    @Test func aHostTricklingAByteAtATimeIsAbandoned() async throws {
        let (error, seconds, requests) = try await Self.failedDownload("trickle.png") { _ in
            [.send(HostileImageHost.ok(contentType: "image/png", length: 100_000))]
                + Array(repeating: [HostileImageHost.Step.send([0x89]), .pause(.milliseconds(200))], count: 300).flatMap { $0 }
        }
        #expect(error.kind == .timeout)
        #expect(error.message.contains("the image host 127.0.0.1 sent only"), "\(error)")
        #expect(error.message.contains("bytes in the last 1 s"), "\(error)")
        #expect(error.message.hasSuffix("giving up"), "\(error)")
        // About a second; the bound leaves room for a loaded runner and still rules out the minute.
        #expect(seconds < 20, "abandoned about a window after it began, not after 60 s: \(seconds) s")
        #expect(requests == 1, "a stalled host is not asked again")
    }

    @Test func aHostSteadyButTooSlowForTheCeilingIsAbandoned() async throws {
        let limits = TransferLimits(stallWindow: .seconds(1), minimumBytesPerSecond: 1024, maxTimePerImage: .seconds(2), maxImageBytes: 1 << 20)
        let (error, seconds, _) = try await Self.failedDownload("slow.png", limits: limits) { _ in
            [.send(HostileImageHost.ok(contentType: "image/png", length: 500_000))]
                + Array(repeating: [HostileImageHost.Step.send([UInt8](repeating: 1, count: 1024)), .pause(.milliseconds(250))], count: 400).flatMap { $0 }
        }
        #expect(error.kind == .timeout)
        #expect(error.message.contains("after 2 s, the most pixterm waits; giving up"), "\(error)")
        #expect(seconds >= 2 && seconds < 20, "at the 2 s ceiling, not after the 100 s the host would take: \(seconds) s")
    }

    @Test func aTricklingErrorAnswerIsNotWaitedOut() async throws {
        let (error, seconds, _) = try await Self.failedDownload("gone.png") { _ in
            [.send(Array("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 10000\r\nConnection: close\r\n\r\n".utf8))]
                + Array(repeating: [HostileImageHost.Step.send([0x20]), .pause(.milliseconds(200))], count: 300).flatMap { $0 }
        }
        #expect(error.status == 404, "\(error)")
        #expect(seconds < 20, "the error body is dropped once it stalls, not read for a minute: \(seconds) s")
    }

    @Test func aDeclaredLengthOverTheCapIsRefusedAtOnce() async throws {
        let (error, seconds, requests) = try await Self.failedDownload("huge.png") { _ in
            [.send(HostileImageHost.ok(contentType: "image/png", length: 1_960_000_000)), .send([0x89, 0x50]), .pause(.seconds(20))]
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.message.contains("over the 1 MiB pixterm accepts"), "\(error)")
        #expect(seconds < 10, "refused on the declared length, not after the host's 20 s pause: \(seconds) s")
        #expect(requests == 1)
    }

    @Test func aBodyStreamingPastTheCapIsCutOffAndDeleted() async throws {
        let (error, _, requests) = try await Self.failedDownload("endless.png") { _ in
            [.send(HostileImageHost.ok(contentType: "image/png", length: nil)), .repeatUntilClosed([UInt8](repeating: 0x42, count: 65_536))]
        }
        #expect(error.kind == .malformedResponse)
        #expect(error.message.contains("1 MiB or more, over the 1 MiB pixterm accepts"), "\(error)")
        #expect(requests == 1)
    }

    @Test func garbageBetweenARealHeaderAndEndingIsNotSaved() async throws {
        let header = Array(try Self.png(width: 512, height: 512).prefix(33))
        var noise = [UInt8](repeating: 0, count: 200_000)
        for index in noise.indices { noise[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        let iend: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        let fake = header + noise + iend
        let (error, _, _) = try await Self.failedDownload("fake.png") { _ in HostileImageHost.answer(fake, contentType: "image/png") }
        #expect(error.kind == .malformedResponse)
        #expect(error.message.contains("the downloaded image does not decode as the PNG it claims to be"), "\(error)")
    }

    @Test func aJPEGWhoseHeaderClaimsMoreRowsThanItCarriesIsNotSaved() async throws {
        var pixels = [UInt8](repeating: 200, count: 64 * 32 * 4)
        for index in pixels.indices where index % 4 == 1 { pixels[index] = UInt8(index % 251) }
        var jpeg = try JPEGCodec.encode(RGBAImage(width: 64, height: 32, pixels: pixels))
        let frame = try #require(jpeg.indices.dropLast().first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[frame + 6] = 64
        let tall = jpeg
        let (error, _, _) = try await Self.failedDownload("tall.jpg") { _ in HostileImageHost.answer(tall, contentType: "image/jpeg") }
        #expect(error.kind == .malformedResponse)
        #expect(error.message.contains("does not decode as the JPEG it claims to be"), "\(error)")
    }

    @Test func anAnswerThatFailsToParseLeavesNoDecodedImageBehind() async throws {
        let image = try Self.png(width: 16, height: 16)
        let body = Array(#"{"id": "task_9", "status": "completed", "result": {"data": [{"b64_json": "\#(Data(image).base64EncodedString())"}, {"neither": 1}]}}"#.utf8)
        let server = try HostileImageHost { _ in HostileImageHost.answer(body, contentType: "application/json") }
        defer { server.close() }
        try await Self.withClient(baseURL: server.baseURL) { client, staging in
            do throws(PixapiError) {
                _ = try await client.task(id: "task_9", staging: staging)
                Issue.record("expected the answer to be refused")
            } catch {
                #expect(error.message.contains("neither a url nor b64_json"), "\(error)")
            }
            #expect(Self.staged(staging).isEmpty, "the decoded first image is deleted: \(Self.staged(staging))")
        }
    }

    // MARK: - Answers from the API (b64_json, task polls), against the simulator

    static let request = ImageRequest(
        model: "gpt-image-2", prompt: "a lighthouse in a storm", size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON
    )

    static func withSimulator(
        limits: TransferLimits = limits, taskDuration: Duration = .milliseconds(300), _ body: (RunningSimulator, PixapiClient, URL) async throws -> Void
    ) async throws {
        try await SimulatorHarness.with(key: "sk-test-limits", taskDuration: taskDuration, transfer: limits) { harness in
            try await body(harness.simulator, harness.client, harness.staging)
        }
    }

    @Test func aBase64ImageOverTheCapIsRefused() async throws {
        let tiny = TransferLimits(stallWindow: .seconds(5), minimumBytesPerSecond: 1024, maxTimePerImage: .seconds(30), maxImageBytes: 4096)
        try await Self.withSimulator(limits: tiny) { _, client, staging in
            do throws(PixapiError) {
                _ = try await client.create(Self.request, staging: staging)
                Issue.record("expected the image over the 4 KiB cap to be refused")
            } catch {
                #expect(error.message.contains("image 1 in the server's answer is over 4 KiB, more than any real image; refused"), "\(error)")
            }
            #expect(Self.staged(staging).isEmpty, "the partial image is deleted: \(Self.staged(staging))")
        }
    }

    @Test func aTricklingBase64AnswerIsAbandoned() async throws {
        try await Self.withSimulator { simulator, client, staging in
            await simulator.schedule(Fault(kind: .slowBody, path: "/v1/images/generations", durationMs: 60_000))
            let start = ContinuousClock.now
            do throws(PixapiError) {
                _ = try await client.create(Self.request, staging: staging)
                Issue.record("expected the trickling answer to be abandoned")
            } catch {
                #expect(error.message.contains("127.0.0.1 sent only"), "\(error)")
                #expect(error.message.contains("giving up"), "\(error)")
            }
            // Abandoned after about a second, not waited out for the minute the body would take
            // (the stall watchdog's wake-up can wait for a thread on a loaded runner).
            #expect(ContinuousClock.now - start < .seconds(20))
            #expect(Self.staged(staging).isEmpty)
        }
    }

    @Test func aTricklingTaskPollIsAbandonedAndPolledAgain() async throws {
        try await Self.withSimulator { simulator, client, staging in
            var asURL = Self.request
            asURL.responseFormat = .url
            let task = try await client.submitTask(asURL)
            await simulator.schedule(Fault(kind: .slowBody, path: "/v1/tasks/", durationMs: 60_000))
            let start = ContinuousClock.now
            let result = try await client.waitForTask(id: task.id, staging: staging, schedule: SimulatorHarness.fastPoll)
            #expect(result.items.count == 1)
            #expect(ContinuousClock.now - start < .seconds(30), "the trickling poll was dropped after about a second, not waited out for a minute")
        }
    }
}
