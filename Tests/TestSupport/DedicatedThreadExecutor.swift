import Foundation

/// A task executor with one thread of its own, for the in-process simulator.
///
/// Swift Testing starts every test at once on a pool as wide as the machine has cores, so on a
/// two-core runner a task that sleeps can wait seconds for a thread when it wakes. A simulator
/// on that pool then pauses where it was told to send steadily, and a client test of read
/// timeouts fails for the runner's load. On its own thread the simulator keeps time as a server
/// on another machine would.
public final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    public init(name: String) {
        let thread = Thread { [self] in serve() }
        thread.name = name
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        defer { condition.unlock() }
        // A job that wakes after `stop` (a task outliving its server) still runs, on the pool.
        guard !stopped else { return globalConcurrentExecutor.enqueue(job) }
        jobs.append(job)
        condition.signal()
    }

    /// Ends the thread once the jobs already queued have run; later jobs go to the shared pool.
    public func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func serve() {
        while true {
            condition.lock()
            while jobs.isEmpty, !stopped { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            if batch.isEmpty { return }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
