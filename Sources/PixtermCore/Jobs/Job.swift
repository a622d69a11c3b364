import Foundation
import PixapiKit

/// One submitted request as the jobs list shows it.
public struct Job: Identifiable, Hashable, Sendable {
    public enum State: Hashable, Sendable {
        /// Being sent; for async, until the task id is known.
        case submitting
        /// An async task the server is working on.
        case running(status: String)
        case downloading(saved: Int, total: Int)
        case completed
        case failed(PixapiError)
        case cancelled

        public var isFinished: Bool {
            switch self {
            case .completed, .failed, .cancelled: true
            default: false
            }
        }
    }

    public let id: UUID
    public let request: ImageRequest
    public let mode: SubmitMode
    public let cost: CostEstimate?
    public let startedAt: Date
    public private(set) var finishedAt: Date?
    public private(set) var state: State
    public private(set) var progress: Int?
    public private(set) var taskID: String?
    public private(set) var savedPaths: [String]
    /// True for a job picked up from the journal at start-up rather than submitted now.
    public let isResumed: Bool
    /// The journal entry this job sends again (same `Idempotency-Key`) rather than opening a new one.
    public let retrying: JournalRef?
    /// Its journal entry, once recorded.
    public private(set) var journal: JournalRef?
    /// Set when the job stopped and its journal entry was kept because it may have been charged.
    public private(set) var kept: KeptReason?
    /// The user said to send it although it crosses a budget: the runner skips the budget check.
    public let overBudget: Bool

    public init(
        id: UUID, request: ImageRequest, mode: SubmitMode, cost: CostEstimate?, startedAt: Date,
        taskID: String? = nil, isResumed: Bool = false, retrying: JournalRef? = nil, overBudget: Bool = false
    ) {
        self.overBudget = overBudget
        self.id = id
        self.request = request
        self.mode = mode
        self.cost = cost
        self.startedAt = startedAt
        self.taskID = taskID
        self.isResumed = isResumed
        self.retrying = retrying
        journal = retrying
        state = taskID == nil ? .submitting : .running(status: "resuming")
        savedPaths = []
    }

    /// A job for a journal entry found open at start-up with no task to poll: it stopped
    /// earlier and may have been charged, so it is listed for the user to retry (asking
    /// first) or leave, never sent again by itself.
    public static func keptInJournal(_ claimed: ClaimedEntry, id: UUID, reason: KeptReason, cost: CostEstimate?) -> Job {
        var job = Job(id: id, request: claimed.request, mode: claimed.mode, cost: cost, startedAt: claimed.created, isResumed: true)
        job.journal = claimed.journalRef
        job.kept = reason
        let message =
            switch reason {
            case .outcomeUnknown: "an earlier pixterm sent this and its answer was lost: it may have been charged"
            case .paidNotDownloaded: "an earlier pixterm was charged for this but did not save its images"
            }
        job.state = .failed(PixapiError(reason == .outcomeUnknown ? .unknownOutcome : .io, message))
        job.finishedAt = claimed.created
        return job
    }

    /// A stopped job whose journal entry was kept: retrying it sends the same request under the
    /// same key, after the user confirms (it may cost again).
    public var retriesKnowingly: Bool { state.isFinished && kept != nil && journal != nil }

    /// A kept job whose entry a newer job took over (its retry): it cannot be retried again,
    /// so one entry is never sent twice at once.
    public var wasRetried: Bool { kept != nil && journal == nil }

    /// Gives the journal entry to the job that retries it.
    mutating func handOverJournal() { journal = nil }

    /// Whether quitting now could leave paid work to resume next time.
    public var isPaidWorkInFlight: Bool { !state.isFinished }

    /// Applies what the runner reported. Events for a finished job are ignored, so a late
    /// progress report cannot resurrect a cancelled job.
    public mutating func apply(_ event: JobEvent, at time: Date) {
        guard !state.isFinished else { return }
        switch event {
        case let .recorded(journal):
            self.journal = journal
        case let .kept(reason):
            kept = reason
        case let .submitted(taskID):
            self.taskID = taskID
            state = .running(status: "submitted")
        case let .progress(status, percent):
            state = .running(status: status)
            if let percent { progress = percent }
        case let .saved(path, total):
            savedPaths.append(path)
            state = .downloading(saved: savedPaths.count, total: total)
        case .completed:
            state = .completed
            progress = 100
            finishedAt = time
        case let .failed(error):
            state = .failed(error)
            finishedAt = time
        case .cancelled:
            state = .cancelled
            finishedAt = time
        }
    }

    /// Seconds since start, or the total once finished.
    public func elapsed(now: Date) -> TimeInterval {
        (finishedAt ?? now).timeIntervalSince(startedAt)
    }

    /// A short state word for the jobs list.
    public var stateLabel: String {
        if let kept, state.isFinished, state != .completed {
            return kept == .outcomeUnknown ? "outcome unknown" : "not downloaded"
        }
        return switch state {
        case .submitting: "sending"
        case let .running(status): status.replacingOccurrences(of: "_", with: " ")
        case let .downloading(saved, total): "saving \(saved)/\(total)"
        case .completed: "done"
        case let .failed(error) where error.kind == .overBudget: "over budget"
        case .failed: "failed"
        case .cancelled: "cancelled"
        }
    }
}

/// What a running job reports; the runner sends these, `Job.apply` folds them in.
public enum JobEvent: Hashable, Sendable {
    /// The request is in the journal, under this entry and key.
    case recorded(JournalRef)
    /// The job is stopping and its journal entry stays, for this reason (sent before the last
    /// `.failed` or `.cancelled`).
    case kept(KeptReason)
    case submitted(taskID: String)
    case progress(status: String, percent: Int?)
    case saved(path: String, total: Int)
    case completed
    case failed(PixapiError)
    case cancelled
}
