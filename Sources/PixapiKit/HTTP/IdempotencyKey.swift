import Foundation

/// The `Idempotency-Key` every paid POST carries: one per journal entry, reused by every retry
/// of that entry, so a server that honours it answers a repeat with the first answer instead of
/// charging twice. Harmless where a server ignores it.
public enum IdempotencyKey {
    public static let header = "Idempotency-Key"

    /// A fresh key for a new paid request: `pixterm-` and a random UUID.
    public static func make() -> String { "pixterm-\(UUID().uuidString.lowercased())" }
}
