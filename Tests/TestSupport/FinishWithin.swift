import Foundation

/// Work started on a thread of its own, so a test can stop waiting for it: a regression that
/// hangs (a quadratic loop, a blocking open of a FIFO) fails the test instead of the whole run.
/// An abandoned thread ends with the test process.
public final class ThreadedWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let stored = OutcomeBox<Value>()

    /// Starts `work` at once.
    public init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [done, stored] in
            stored.set(Result { try work() })
            done.signal()
        }
    }

    /// What the work returned or threw, or nil when it is still running after `seconds`.
    public func outcome(within seconds: Double) -> Result<Value, any Error>? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        done.signal()  // a later call answers at once
        return stored.get()
    }

    /// What the work returned or threw, waiting as long as it takes.
    public func outcome() -> Result<Value, any Error> {
        done.wait()
        done.signal()
        return stored.get()!
    }
}

/// `work`'s result and the CPU time its thread spent on it, or nil when it has not finished
/// after `seconds` of the wall clock. The CPU time, not the wall clock, is what a linear-time
/// check compares: a loaded runner stretches the one, not the other.
public func finish<Value: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> Value) -> (value: Value, seconds: Double)? {
    let measured = ThreadedWork { () -> (Value, Double) in
        var value: Value?
        let cpu = threadCPUSeconds { value = work() }
        return (value!, cpu)
    }
    guard case let .success((value, cpu)) = measured.outcome(within: seconds) else { return nil }
    return (value, cpu)
}

/// Written by the worker thread, read by the waiting test; every access holds the lock.
private final class OutcomeBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<Value, any Error>?

    func set(_ outcome: Result<Value, any Error>) { lock.withLock { value = outcome } }
    func get() -> Result<Value, any Error>? { lock.withLock { value } }
}
