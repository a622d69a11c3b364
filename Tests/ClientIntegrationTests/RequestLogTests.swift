import Foundation
import Logging
import PixapiKit
import PixapiSimulator
import TestSupport
import Testing

/// What the client logs: a line per attempt and per retry, and never the key, whatever logger
/// it is given.
@Suite struct RequestLogTests {
    static let key = "sk-log-test-5e2b9c"

    /// Keeps every event a handler receives, exactly as it arrives, at every level.
    final class CapturingHandler: LogHandler, @unchecked Sendable {
        private let lock = NSLock()
        private var captured: [LogEvent] = []
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) { lock.withLock { captured.append(event) } }

        var events: [LogEvent] { lock.withLock { captured } }

        /// Everything a handler could write: messages, metadata and errors.
        var allText: String {
            events.map { "\($0.message) \($0.metadata ?? [:]) \($0.error.map { "\($0)" } ?? "")" }.joined(separator: "\n")
        }
    }

    @Test func attemptsAndRetriesAreLoggedAndTheKeyNeverReachesTheHandler() async throws {
        let simulator = try await Simulator.start(SimulatorConfiguration())
        let staging = try TemporaryDirectory("pixterm-log")
        defer { staging.remove() }
        let handler = CapturingHandler()
        let client = PixapiClient(
            configuration: ClientConfiguration(
                baseURL: simulator.baseURL, apiKey: Self.key, connectTimeout: .seconds(5),
                retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20), maxDelay: .milliseconds(100))
            ),
            logger: Logger(label: "test") { _ in handler }
        )
        await simulator.schedule(Fault(kind: .status, count: 1, status: 503, message: "upstream busy; your key \(Self.key) is fine"))
        let request = ImageRequest(model: "gpt-image-2", prompt: "a bridge", size: .pixels(width: 1024, height: 1024), quality: .low, responseFormat: .b64JSON)
        let result = try await client.create(request, staging: staging.url)
        await client.shutdown()
        await simulator.shutdown()

        #expect(result.items.count == 1)
        let requests = handler.events.filter { $0.message.description == "request" }.compactMap(\.metadata)
        #expect(requests.map { $0["status"]?.description } == ["503", "200"])
        #expect(requests.allSatisfy { $0["method"] == "POST" && $0["url"]?.description.hasSuffix("/v1/images/generations") == true })
        #expect(requests.map { $0["attempt"]?.description } == ["1", "2"])
        #expect(requests.allSatisfy { Int($0["sent"]?.description ?? "") ?? 0 > 0 })
        #expect(Int(requests.last?["received"]?.description ?? "") ?? 0 > 1000, "the image answer's bytes")
        #expect(requests.allSatisfy { $0["duration"]?.description.hasSuffix("s") == true })
        let retry = try #require(handler.events.first { $0.message.description == "retrying" })
        #expect(retry.level == .notice)
        #expect(retry.metadata?["attempt"] == "1" && retry.metadata?["wait"] != nil)
        #expect(retry.metadata?["reason"]?.description.contains("upstream busy") == true, "\(retry.metadata ?? [:])")
        #expect(handler.events.contains { $0.source == "AsyncHTTPClient" }, "AsyncHTTPClient logs through the same logger")
        #expect(!handler.allText.contains(Self.key), "\(handler.allText)")
    }
}
