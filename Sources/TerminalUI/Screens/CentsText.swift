import Foundation

/// Dollar amounts as the cost panel shows them (`String(format: "%.2f")`), remembering the last
/// one: the formatter takes several microseconds, and the panel asks for the same amount on
/// every frame, i.e. on every typed character.
enum CentsText {
    private static let last = LastFormatted()

    static func of(_ usd: Double) -> String {
        if let text = last.text(for: usd) { return text }
        let text = String(format: "%.2f", usd)
        last.remember(text, for: usd)
        return text
    }
}

/// The last amount formatted and its text (frames are drawn on one thread; the lock keeps
/// tests that draw in parallel safe).
private final class LastFormatted: @unchecked Sendable {
    private let lock = NSLock()
    private var amount: Double?
    private var formatted = ""

    func text(for usd: Double) -> String? {
        lock.withLock { amount?.bitPattern == usd.bitPattern ? formatted : nil }
    }

    func remember(_ text: String, for usd: Double) {
        lock.withLock {
            amount = usd
            formatted = text
        }
    }
}
