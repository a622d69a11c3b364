import AsyncHTTPClient
import Foundation

/// An `HTTPClient` made on the first request, so a process that has sent nothing yet (the UI
/// with a key, sitting idle) has no event loop threads: NIO's shared group starts one thread
/// per core, each with its own task buffer and malloc arena, the moment it is first asked for.
final class LazyHTTPClient: @unchecked Sendable {
    private enum State {
        case notMade
        case made(HTTPClient)
        case shutDown
    }

    private let lock = NSLock()
    private var state = State.notMade
    private let make: @Sendable () -> HTTPClient

    init(_ make: @escaping @Sendable () -> HTTPClient) { self.make = make }

    /// The client, made now if this is the first request; after `shutdown` it throws as a shut
    /// down `HTTPClient` would.
    func client() throws -> HTTPClient {
        try lock.withLock {
            switch state {
            case let .made(client):
                return client
            case .notMade:
                let client = make()
                state = .made(client)
                return client
            case .shutDown:
                throw HTTPClientError.alreadyShutdown
            }
        }
    }

    /// Shuts the client down if it was made; either way no request is sent afterwards.
    func shutdown() async {
        let made: HTTPClient? = lock.withLock {
            defer { state = .shutDown }
            if case let .made(client) = state { return client }
            return nil
        }
        try? await made?.shutdown()
    }
}
