import Foundation
import Gallery
import PixapiKit

/// One piece of a batch's work: a line to send, or a line an earlier run sent whose task is
/// finished here (its journal entry claimed by this process).
public enum BatchWork: Sendable {
    case send(PricedBatchItem)
    case resume(line: Int, ResumePlan.Resumable)

    public var line: Int {
        switch self {
        case let .send(priced): priced.line
        case let .resume(line, _): line
        }
    }
}

/// What the run loop reports while it works.
public enum BatchEvent: Sendable {
    /// A line started; `submitted` is true for a resumed task, whose request went out earlier.
    case started(line: Int, submitted: Bool)
    /// Its task was accepted by the server and recorded in the journal: stopping now loses nothing.
    case submitted(line: Int)
    case finished(BatchResult)
    /// A line failed in a way every other line would too: no more lines start (`BatchStop`).
    case stopping(BatchStop)
}

/// Runs a batch's lines, at most `jobs` at once, each as one request through the async endpoints
/// and the journal (`JobRunner`), recorded in the ledger under the run's id and its line.
public struct BatchRunLoop: Sendable {
    public let runner: JobRunner
    /// The run's id (`BatchRun.id`).
    public let batch: String
    public let jobs: Int
    /// Send lines that cross a `[budget]` (the whole batch was allowed up front).
    public let overBudget: Bool

    public init(runner: JobRunner, batch: String, jobs: Int, overBudget: Bool) {
        self.runner = runner
        self.batch = batch
        self.jobs = jobs
        self.overBudget = overBudget
    }

    /// Works through `work` in order. No line starts once `shouldStart` says false (Ctrl+C), or
    /// once a line failed in a way every line would (`BatchStop`, returned); lines already running
    /// go on. `onEvent` is called from the workers' tasks.
    public func run(_ work: [BatchWork], shouldStart: @escaping @Sendable () -> Bool, onEvent: @escaping @Sendable (BatchEvent) -> Void) async
        -> BatchStop?
    {
        let queue = WorkQueue(work)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<max(1, min(jobs, work.count)) {
                group.addTask {
                    while shouldStart(), let next = queue.next() {
                        let (result, failure) = await run(next, onEvent: onEvent)
                        let stop = failure.flatMap { BatchStop(line: result.line, error: $0) }
                        // Before the result is reported, so no worker starts a line after it.
                        let first = stop.map(queue.stop) ?? false
                        onEvent(.finished(result))
                        if first, let stop { onEvent(.stopping(stop)) }
                    }
                }
            }
        }
        return queue.stopReason
    }

    private func run(_ work: BatchWork, onEvent: @escaping @Sendable (BatchEvent) -> Void) async -> (BatchResult, PixapiError?) {
        let line = work.line
        let collected = LineOutcome()
        switch work {
        case let .send(priced):
            onEvent(.started(line: line, submitted: false))
            await runner.run(
                priced.item.request, mode: .async, cost: priced.cost, overBudget: overBudget, batch: BatchLine(batch: batch, line: line)
            ) { event in
                collected.record(event)
                if case .submitted = event { onEvent(.submitted(line: line)) }
            }
        case let .resume(_, resumable):
            let claimed = resumable.claimed
            collected.record(.recorded(claimed.journalRef))
            onEvent(.started(line: line, submitted: true))
            await runner.resume(
                entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: resumable.taskID, cost: resumable.cost,
                alreadySaved: claimed.alreadySaved, onEvent: collected.record
            )
        }
        return (collected.result(line: line, credits: credits(of: collected.entry)), collected.error)
    }

    /// The request's credits if the ledger counts them (charged, may have been, or still running).
    private func credits(of entry: String?) -> Int {
        guard let entry, let row = try? runner.ledger?.entry(entry), row.state.counts else { return 0 }
        return row.credits
    }
}

/// The lines not yet started, handed out one at a time to the workers, until the run is stopped.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: ArraySlice<BatchWork>
    private var stoppedBy: BatchStop?

    init(_ work: [BatchWork]) { pending = work[...] }

    func next() -> BatchWork? { lock.withLock { stoppedBy == nil ? pending.popFirst() : nil } }

    /// Stops handing out lines; true for the first stop (the one the run reports).
    func stop(_ reason: BatchStop) -> Bool {
        lock.withLock {
            guard stoppedBy == nil else { return false }
            stoppedBy = reason
            return true
        }
    }

    var stopReason: BatchStop? { lock.withLock { stoppedBy } }
}

/// What one line's job reported, from the runner's task.
private final class LineOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: [String] = []
    private var failure: PixapiError?
    private var journalEntry: String?

    func record(_ event: JobEvent) {
        lock.withLock {
            switch event {
            case let .recorded(ref): journalEntry = ref.entry
            case let .saved(path, _): paths.append(path)
            case let .failed(error): failure = error
            case .cancelled: failure = PixapiError(.cancelled, "cancelled")
            default: break
            }
        }
    }

    var entry: String? { lock.withLock { journalEntry } }
    var error: PixapiError? { lock.withLock { failure } }

    func result(line: Int, credits: Int) -> BatchResult {
        lock.withLock {
            guard let failure else { return BatchResult(line: line, status: .ok, paths: paths, credits: credits) }
            return BatchResult(
                line: line, status: failure.kind == .unknownOutcome ? .unknown : .failed, paths: paths, credits: credits,
                error: failure.description
            )
        }
    }
}
