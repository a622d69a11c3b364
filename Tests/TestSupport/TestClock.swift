import Foundation
import PixtermCore

/// A clock a test sets by hand, so a test about time moves it instead of sleeping. Shared by
/// reference: whatever reads `now` through it (an `AppEnvironment`, the simulator's
/// `SimulatorConfiguration.now`, a `TaskJournal`) sees each `advance` at once.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = AppEnvironment.testingStart) {
        current = start
    }

    public var now: Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current += seconds }
    }
}
