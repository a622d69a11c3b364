import Foundation
import ImageCodec
import PixapiKit
import PixapiSimulator

/// A simulator on 127.0.0.1:0, a real client pointed at it, and a staging folder: the parts
/// every integration test needs, torn down by `close()`.
struct SimulatorHarness {
    let simulator: RunningSimulator
    let client: PixapiClient
    let staging: URL

    static let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100))
    static let fastPoll = PollSchedule(initial: [.milliseconds(50)], steadyMin: .milliseconds(50), steadyMax: .milliseconds(100), maxWait: .seconds(30))

    static func start(
        key: String = "sk-test-key-0001", requiredKey: String? = nil, credits: Int? = nil,
        taskDuration: Duration = .milliseconds(300), readTimeout: Duration = .seconds(30), retry: RetryPolicy = fastRetry
    ) async throws -> SimulatorHarness {
        let simulator = try await Simulator.start(
            SimulatorConfiguration(taskDuration: taskDuration, requiredKey: requiredKey, startingCredits: credits)
        )
        let configuration = ClientConfiguration(
            baseURL: simulator.baseURL, apiKey: key, connectTimeout: .seconds(5), readTimeout: readTimeout, retry: retry, poll: fastPoll
        )
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-it-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        return SimulatorHarness(simulator: simulator, client: PixapiClient(configuration: configuration), staging: staging)
    }

    /// Runs `body` with a fresh harness and always tears it down, even when `body` throws.
    static func with(
        key: String = "sk-test-key-0001", requiredKey: String? = nil, credits: Int? = nil,
        taskDuration: Duration = .milliseconds(300), readTimeout: Duration = .seconds(30), retry: RetryPolicy = fastRetry,
        _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        let harness = try await start(key: key, requiredKey: requiredKey, credits: credits, taskDuration: taskDuration, readTimeout: readTimeout, retry: retry)
        do {
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    func close() async {
        await client.shutdown()
        await simulator.shutdown()
        try? FileManager.default.removeItem(at: staging)
    }

    /// Files left in the staging folder: must be none after a failure.
    var stagedFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? [] }

    /// The image at a result item, downloaded when it is a URL.
    func materialize(_ item: ImageResult.Item) async throws -> URL {
        switch item.payload {
        case let .file(url): return url
        case let .url(url):
            let file = staging.appendingPathComponent("dl-\(item.index).img")
            try await client.download(url, to: file)
            return file
        }
    }

    static func header(_ file: URL) throws -> ImageHeader? { try ImageHeader.read(contentsOf: file) }

    /// A real PNG on disk for edit inputs.
    func writePNG(_ name: String, width: Int, height: Int, alpha: UInt8 = 255) throws -> String {
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
