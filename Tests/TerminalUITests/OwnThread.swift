import Foundation

/// Runs `body`, which blocks (the runtime's event loop waiting on its terminal), on a thread of
/// its own. Tests run in parallel on Swift's few cooperative threads; the background work the
/// loop waits for needs one of them, so the loop must not hold one while it waits.
func onOwnThread<Value>(_ body: @escaping @Sendable () throws -> sending Value) async throws -> sending Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
