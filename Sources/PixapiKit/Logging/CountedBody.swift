import AsyncHTTPClient
import NIOCore

/// A response body that counts its bytes as the reader takes them, so the request's log line
/// can say how much arrived whoever reads the body (a JSON answer, a streamed image).
struct CountedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let base: HTTPClientResponse.Body
    let trace: RequestTrace

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: HTTPClientResponse.Body.AsyncIterator
        let trace: RequestTrace

        mutating func next() async throws -> ByteBuffer? {
            let chunk = try await base.next()
            if let chunk { trace.received(chunk.readableBytes) }
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), trace: trace)
    }
}
