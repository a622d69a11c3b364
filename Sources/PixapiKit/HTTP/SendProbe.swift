import Foundation
import NIOCore

/// Notices whether a request body began to leave, which sorts a failed paid POST into "certainly
/// not sent" (safe to retry) and "unknown outcome" (the server may have acted).
///
/// AsyncHTTPClient pulls a streamed body only once the connection is up and the request head is
/// on its way; a connection that was refused, unreachable or timed out never asks for it. Any
/// pull counts as sent, so the doubt always falls on the side of not sending twice.
final class SendProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var started = false

    var bodyStarted: Bool { lock.withLock { started } }

    fileprivate func markStarted() { lock.withLock { started = true } }
}

/// A request body that tells its `SendProbe` when it is first read.
struct ProbedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    enum Source: Sendable {
        case bytes([UInt8])
        case chunks(AsyncThrowingStream<[UInt8], any Error>)
    }

    let source: Source
    let probe: SendProbe

    struct AsyncIterator: AsyncIteratorProtocol {
        var bytes: [UInt8]?
        var chunks: AsyncThrowingStream<[UInt8], any Error>.AsyncIterator?
        let probe: SendProbe

        mutating func next() async throws -> ByteBuffer? {
            probe.markStarted()
            if let pending = bytes {
                bytes = nil
                return ByteBuffer(bytes: pending)
            }
            guard var iterator = chunks else { return nil }
            let chunk = try await iterator.next()
            chunks = iterator
            return chunk.map { ByteBuffer(bytes: $0) }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        switch source {
        case let .bytes(bytes): AsyncIterator(bytes: bytes, chunks: nil, probe: probe)
        case let .chunks(stream): AsyncIterator(bytes: nil, chunks: stream.makeAsyncIterator(), probe: probe)
        }
    }
}
