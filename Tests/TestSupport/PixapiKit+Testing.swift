import Foundation
import PixapiKit

/// Shorthands the client tests use; pixterm itself always names the idempotency key it
/// journaled before sending, and never needs the others.
extension ImageAPI {
    /// `create` as a request of its own, with a fresh `Idempotency-Key`.
    public func create(_ request: ImageRequest, staging: URL) async throws(PixapiError) -> ImageResult {
        try await create(request, idempotencyKey: IdempotencyKey.make(), staging: staging)
    }

    /// `submitTask` as a request of its own, with a fresh `Idempotency-Key`.
    public func submitTask(_ request: ImageRequest) async throws(PixapiError) -> TaskSnapshot {
        try await submitTask(request, idempotencyKey: IdempotencyKey.make())
    }
}

extension RetryPolicy {
    /// One attempt and no retry, so a test sees the first failure as it is.
    public static let none = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero)
}

extension TaskSnapshot {
    /// The task completed or failed: no further poll changes it.
    public var isTerminal: Bool {
        if case .running = status { return false }
        return true
    }
}
