import Foundation
import ImageCodec
import PixapiKit
import PixapiSimulator

/// Starts a simulator on a thread of its own, runs `body` with it, and shuts it down afterwards,
/// even when `body` throws.
public func withSimulator<Value>(
    _ configuration: SimulatorConfiguration = .init(), _ body: (RunningSimulator) async throws -> Value
) async throws -> Value {
    let executor = DedicatedThreadExecutor(name: "simulator")
    defer { executor.stop() }
    return try await using(try await Simulator.start(configuration, executor: executor), tearDown: { await $0.shutdown() }, body)
}

/// A simulator on 127.0.0.1:0, a real client pointed at it, and a staging folder: the parts
/// every test of the client against a server needs, torn down by `with` when the test is done.
public struct SimulatorHarness {
    public let simulator: RunningSimulator
    public let client: PixapiClient
    private let stagingFolder: TemporaryDirectory

    /// Where downloads land before they are kept or deleted.
    public var staging: URL { stagingFolder.url }

    /// Retries and polls in milliseconds rather than seconds, so failure paths stay quick.
    public static let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100))
    public static let fastPoll = PollSchedule(initial: [.milliseconds(50)], steadyMin: .milliseconds(50), steadyMax: .milliseconds(100), maxWait: .seconds(30))

    /// Runs `body` with a fresh simulator, client and staging folder, and always tears them down,
    /// even when `body` throws. `now` is the simulator's clock (see `SimulatorConfiguration.now`).
    public static func with(
        key: String = "sk-test-key-0001", requiredKey: String? = nil, credits: Int? = nil,
        taskDuration: Duration = .milliseconds(300), readTimeout: Duration = .seconds(30), retry: RetryPolicy = fastRetry,
        transfer: TransferLimits = .standard, now: @escaping @Sendable () -> Date = Date.init,
        _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        let configuration = SimulatorConfiguration(taskDuration: taskDuration, requiredKey: requiredKey, startingCredits: credits, now: now)
        try await withSimulator(configuration) { simulator in
            let client = PixapiClient(
                configuration: ClientConfiguration(
                    baseURL: simulator.baseURL, apiKey: key, connectTimeout: .seconds(5), readTimeout: readTimeout, retry: retry, poll: fastPoll,
                    transfer: transfer
                ))
            let harness = SimulatorHarness(simulator: simulator, client: client, stagingFolder: try TemporaryDirectory("pixterm-it"))
            defer { harness.stagingFolder.remove() }
            // The client reads a body only as fast as its task is given a thread, and its read
            // timeout counts that wait; on a thread of its own a test of timeouts measures the
            // client and the server, not the test runner's queue.
            let clientThread = DedicatedThreadExecutor(name: "client")
            defer { clientThread.stop() }
            try await withTaskExecutorPreference(clientThread) {
                try await using(harness, tearDown: { await $0.client.shutdown() }, body)
            }
        }
    }

    /// Files left in the staging folder: must be none after a failure.
    public var stagedFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] }

    /// The file of a result item, downloaded into `folder` (the staging folder by default) when
    /// the server answered with a URL.
    public func materialize(_ item: ImageResult.Item, into folder: URL? = nil) async throws -> URL {
        switch item.payload {
        case let .file(url): return url
        case let .url(url):
            let file = (folder ?? staging).appendingPathComponent("download-\(item.index).img")
            try await client.download(url, to: file)
            return file
        }
    }

    public static func header(_ file: URL) throws -> ImageHeader? { try ImageHeader.read(contentsOf: file) }

    /// A real PNG in the staging folder, for edit inputs; returns its path.
    public func writePNG(_ name: String, width: Int, height: Int, alpha: UInt8 = 255) throws -> String {
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        for index in stride(from: 0, to: pixels.count, by: 4) {
            pixels[index] = UInt8(index % 251)
            pixels[index + 1] = 90
            pixels[index + 2] = 200
            pixels[index + 3] = alpha
        }
        let url = staging.appendingPathComponent(name)
        try Data(try PNGCodec.encode(RGBAImage(width: width, height: height, pixels: pixels))).write(to: url)
        return url.path
    }
}
