import Foundation
import Logging

/// One HTTP attempt as the log sees it: method, where (origin and path, never the query, which
/// may hold a CDN's signed token), status, bytes each way, and how long it took from sending to
/// the last byte read. Logged once, when the attempt ends, at `info`.
final class RequestTrace: @unchecked Sendable {
    private let logger: Logger
    private let method: String
    private let url: URL
    private let attempt: Int
    private let sent: Int
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let lock = NSLock()
    private var status: Int?
    private var receivedBytes = 0

    init(logger: Logger, method: String, url: URL, attempt: Int, sent: Int) {
        self.logger = logger
        self.method = method
        self.url = url
        self.attempt = attempt
        self.sent = sent
        start = clock.now
    }

    /// Whether anyone reads the line; when not, the body is not wrapped to be counted.
    var isLogged: Bool { logger.logLevel <= .info }

    func answered(status: Int) {
        lock.withLock { self.status = status }
    }

    func received(_ bytes: Int) {
        lock.withLock { receivedBytes += bytes }
    }

    /// Logs the attempt; `error` is what ended it, if anything did.
    func finished(_ error: PixapiError?) {
        let (status, received) = lock.withLock { (self.status, receivedBytes) }
        var metadata: Logger.Metadata = [
            "method": .string(method), "url": .string(RedirectRule.shown(url)), "attempt": "\(attempt)",
            "sent": "\(sent)", "received": "\(received)", "duration": .seconds(clock.now - start),
        ]
        metadata["status"] = status.map { "\($0)" }
        metadata["error"] = error.map { .string($0.message) }
        logger.info("request", metadata: metadata)
    }
}
