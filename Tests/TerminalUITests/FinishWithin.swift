import Foundation

/// `work`'s result and how long it took, or nil when it has not finished after `seconds`. It
/// runs on a thread of its own, so a quadratic regression fails the test instead of hanging the
/// run (the abandoned thread ends with the test process).
func finish<Value: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> Value) -> (value: Value, seconds: Double)? {
    let box = FinishedValue<Value>()
    let done = DispatchSemaphore(value: 0)
    let start = Date()
    Thread.detachNewThread {
        box.value = work()
        done.signal()
    }
    guard done.wait(timeout: .now() + seconds) == .success, let value = box.value else { return nil }
    return (value, Date().timeIntervalSince(start))
}

/// Written by the worker before it signals, read after the wait: the semaphore orders the two.
private final class FinishedValue<Value>: @unchecked Sendable {
    var value: Value?
}
