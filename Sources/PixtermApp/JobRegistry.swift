import Foundation

/// The tasks of the jobs running now, by job id, so `.cancelJob` reaches the right one. A job
/// forgets itself when its work ends.
final class JobRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [UUID: Task<Void, Never>] = [:]

    /// Runs a job's work as a cancellable task.
    func track(_ id: UUID, _ work: @escaping @Sendable () async -> Void) {
        // Registered under the lock, so the task's own removal cannot run before it.
        lock.withLock {
            tasks[id] = Task.detached { [self] in
                await work()
                _ = lock.withLock { tasks.removeValue(forKey: id) }
            }
        }
    }

    /// Cancels the job's work if it is still running; a finished or unknown job is left alone.
    func cancel(_ id: UUID) {
        lock.withLock { tasks[id] }?.cancel()
    }

    /// How many jobs are still working (logged at quit: their journal entries resume next time).
    var running: Int { lock.withLock { tasks.count } }
}
