import AsyncHTTPClient
import Foundation

/// Reads one response body under `TransferLimits`: abandoned when it stalls, when it takes longer
/// than its ceiling, and refused when it grows past its byte cap.
///
/// AsyncHTTPClient's read timeout restarts on every byte, so a server sending one byte every two
/// seconds is never timed out by it; a watchdog next to the reading task applies the stall rule
/// and cancels the read, which closes the connection.
struct BodyTransfer: Sendable {
    let limits: TransferLimits
    /// Who is sending, for messages: "the image host example.com", "api.pixapi.ai".
    let source: String
    /// What is being sent, for messages: "the image", "the answer".
    let what: String
    let maxBytes: Int
    let ceiling: Duration

    /// A small body read whole (a JSON answer, an error answer), with one image's time ceiling.
    static func small(_ limits: TransferLimits, from source: String, what: String, maxBytes: Int) -> BodyTransfer {
        BodyTransfer(limits: limits, source: source, what: what, maxBytes: maxBytes, ceiling: limits.timeCeiling(images: 1))
    }

    /// The whole body in memory, under the limits.
    func collect(_ body: HTTPClientResponse.Body) async throws(PixapiError) -> [UInt8] {
        try await run { meter in
            var bytes: [UInt8] = []
            for try await chunk in body {
                try meter.received(chunk.readableBytes)
                bytes += chunk.readableBytesView
            }
            return bytes
        }
    }

    /// Refuses a body whose declared length is already over the cap, before reading any of it.
    func checkDeclaredLength(_ contentLength: String?) throws(PixapiError) {
        guard let contentLength, let length = Int(contentLength.trimmingWhitespace()), length > maxBytes else { return }
        throw tooLarge(length)
    }

    /// The `code` of the errors a limit raises, so a caller can tell them from a dropped connection.
    static let limitCode = "transfer_limit"

    static func brokeALimit(_ error: PixapiError) -> Bool { error.code == limitCode }

    func tooLarge(_ bytes: Int) -> PixapiError {
        PixapiError(
            .malformedResponse,
            "\(what) from \(source) is \(Self.sizeText(bytes)) or more, over the \(Self.sizeText(maxBytes)) pixterm accepts; refused, nothing was kept",
            code: Self.limitCode
        )
    }

    /// Runs `read` with a meter it must feed every chunk's size; returns what `read` returns.
    /// `read` is cancelled when a limit is hit, so it must clean up its files on any error.
    func run<T: Sendable>(_ read: @escaping @Sendable (TransferMeter) async throws -> T) async throws(PixapiError) -> T {
        let meter = TransferMeter(transfer: self)
        do {
            return try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask { try await read(meter) }
                group.addTask {
                    try await meter.watch()
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else { throw CancellationError() }
                return value
            }
        } catch {
            throw TransportError.map(error, host: source)
        }
    }

    fileprivate func stalled(received: Int) -> PixapiError {
        PixapiError(
            .timeout,
            "\(source) sent only \(received) bytes in the last \(Self.seconds(limits.stallWindow)) (under \(limits.minimumBytesPerSecond) bytes/s); giving up",
            code: Self.limitCode
        )
    }

    fileprivate func tooSlow(received: Int) -> PixapiError {
        PixapiError(
            .timeout,
            "\(source) had sent only \(Self.sizeText(received)) of \(what) after \(Self.seconds(ceiling)), the most pixterm waits; giving up",
            code: Self.limitCode
        )
    }

    static func sizeText(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1024 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        let seconds = Double(whole) + Double(fraction) / 1e18
        return seconds >= 120 && seconds.truncatingRemainder(dividingBy: 60) == 0
            ? "\(Int(seconds) / 60) min" : seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// The shared count of one transfer: the reading task feeds it, the watchdog reads it.
final class TransferMeter: @unchecked Sendable {
    private let transfer: BodyTransfer
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private let lock = NSLock()
    private var detector: StallDetector

    fileprivate init(transfer: BodyTransfer) {
        self.transfer = transfer
        start = clock.now
        detector = StallDetector(window: transfer.limits.stallWindow, minimumBytes: transfer.limits.minimumBytesPerWindow)
    }

    /// Counts a chunk before it is used; throws once the body passes its byte cap.
    func received(_ bytes: Int) throws(PixapiError) {
        let total = lock.withLock {
            detector.record(bytes, at: clock.now - start)
            return detector.totalBytes
        }
        if total > transfer.maxBytes { throw transfer.tooLarge(total) }
    }

    /// Returns only by throwing: when the body stalls or overruns its ceiling, or on cancellation.
    fileprivate func watch() async throws {
        let interval = min(transfer.limits.stallWindow / 16, .seconds(1))
        while true {
            try await Task.sleep(for: interval)
            let elapsed = clock.now - start
            let (stalled, inWindow, total) = lock.withLock {
                (detector.isStalled(at: elapsed), detector.bytes(inWindowEndingAt: elapsed), detector.totalBytes)
            }
            if stalled { throw transfer.stalled(received: inWindow) }
            if elapsed >= transfer.ceiling { throw transfer.tooSlow(received: total) }
        }
    }
}
