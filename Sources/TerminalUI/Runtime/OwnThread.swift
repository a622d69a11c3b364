import Foundation

/// Runs `body`, which blocks (the runtime's event loop waiting on its terminal), on a thread of
/// its own and returns what it returns. Swift's concurrency pool has only a few threads and the
/// background work the loop waits for needs one of them, so the loop must not hold one while it
/// waits. Used by `pixterm ui` and by the tests that drive the runtime.
public func onOwnThread<Value>(_ body: @escaping @Sendable () throws -> sending Value) async throws -> sending Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
