import Foundation
import Gallery
import Logging
import PixapiKit

/// Runs one job end to end: journal, submit, poll, download, save, close.
///
/// It never throws; everything it has to say arrives as `JobEvent`s, ending with exactly one
/// of `.completed`, `.failed` or `.cancelled`. Each journal step (opened, task id recorded,
/// image saved, closed, kept, removed) and the job's time go to `logger`.
public struct JobRunner: Sendable {
    public let api: any ImageAPI
    public let store: GalleryStore
    public let journal: TaskJournal
    public let baseURL: URL
    public let pollSchedule: PollSchedule
    /// The local clock, which dates saved images; the server's `created` is only recorded.
    public let now: @Sendable () -> Date
    /// Where the journal steps are logged; nowhere by default.
    public let logger: Logger
    /// Where every paid request is checked against `budgets` and recorded before it is sent;
    /// `nil` sends without either (tests of other things).
    public let ledger: SpendLedger?
    public let budgets: Budgets

    public init(
        api: any ImageAPI, store: GalleryStore, journal: TaskJournal, baseURL: URL, pollSchedule: PollSchedule = .standard,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = .disabled, ledger: SpendLedger? = nil, budgets: Budgets = .none
    ) {
        self.ledger = ledger
        self.budgets = budgets
        self.api = api
        self.store = store
        self.journal = journal
        self.baseURL = baseURL
        self.pollSchedule = pollSchedule
        self.now = now
        self.logger = logger
    }

    /// Sends `request` and saves its images. `onEvent` is called from the runner's task.
    ///
    /// First the ledger checks the cost against the budgets and records the request, unless it
    /// would cross one and `overBudget` is false: then nothing is sent and the job fails with
    /// `.overBudget`. `batch` names the batch line the request is for.
    public func run(
        _ request: ImageRequest, mode: SubmitMode, cost: CostEstimate?, overBudget: Bool = false, batch: BatchLine? = nil,
        onEvent: @escaping @Sendable (JobEvent) -> Void
    ) async {
        let key = IdempotencyKey.make()
        let entry = journal.newEntryID()
        if let ledger {
            let row = LedgerEntry(
                id: entry, created: now(), request: request, mode: mode, cost: cost, batch: batch?.batch, line: batch?.line, overBudget: overBudget,
                timeZone: ledger.timeZone
            )
            do {
                if let refusal = try ledger.reserve(row, budgets: budgets, overBudget: overBudget) {
                    logger.notice("ledger: over a budget; nothing sent", metadata: ["budget": .string(refusal.period.rawValue)])
                    onEvent(.failed(PixapiError(.overBudget, "not sent: \(refusal.message)")))
                    return
                }
            } catch {
                let failure = Self.localError("cannot record the job in the spend ledger, so nothing was sent", error)
                logger.error("ledger: cannot reserve; nothing sent", metadata: ["error": .string(failure.message)])
                onEvent(.failed(failure))
                return
            }
        }
        do {
            _ = try journal.open(id: entry, request: request, mode: mode, baseURL: baseURL, cost: cost?.costCredits, idempotencyKey: key)
        } catch {
            settle(entry, as: .refused)
            let failure = Self.localError("cannot record the job in the journal, so nothing was sent", error)
            logger.error("journal: cannot open an entry; nothing sent", metadata: ["error": .string(failure.message)])
            onEvent(.failed(failure))
            return
        }
        logger.info(
            "journal: opened", metadata: ["entry": .string(entry), "mode": .string(mode.rawValue), "model": .string(request.model), "n": "\(request.n)"]
        )
        onEvent(.recorded(JournalRef(entry: entry, idempotencyKey: key)))
        var progress = Progress(entry: entry, idempotencyKey: key, request: request, mode: mode, cost: cost, taskID: nil, saved: [:])
        progress.firstSend = true
        await drive(&progress, onEvent: onEvent)
    }

    /// Sends the request of a journal entry kept after its answer was lost (or its images were)
    /// once more, knowingly, under the entry's own `Idempotency-Key`: a server that honours it
    /// answers with the first answer and charges nothing. The caller holds the entry's claim.
    public func retry(
        _ journalEntry: JournalRef, request: ImageRequest, mode: SubmitMode, cost: CostEstimate?,
        onEvent: @escaping @Sendable (JobEvent) -> Void
    ) async {
        logger.info("journal: sending again under the entry's Idempotency-Key", metadata: ["entry": .string(journalEntry.entry)])
        onEvent(.recorded(journalEntry))
        var progress = Progress(
            entry: journalEntry.entry, idempotencyKey: journalEntry.idempotencyKey, request: request, mode: mode, cost: cost, taskID: nil,
            saved: [:]
        )
        await drive(&progress, onEvent: onEvent)
    }

    /// Finishes a journal entry left open by an earlier run: polls its task and saves what is missing.
    public func resume(
        entry: JournalRef, request: ImageRequest, mode: SubmitMode, taskID: String, cost: CostEstimate?,
        alreadySaved: [Int: String], onEvent: @escaping @Sendable (JobEvent) -> Void
    ) async {
        logger.info("journal: resuming", metadata: ["entry": .string(entry.entry), "task": .string(taskID), "saved": "\(alreadySaved.count)"])
        var progress = Progress(
            entry: entry.entry, idempotencyKey: entry.idempotencyKey, request: request, mode: mode, cost: cost, taskID: taskID,
            saved: alreadySaved
        )
        await drive(&progress, onEvent: onEvent)
    }

    private struct Progress {
        let entry: String
        /// The entry's key, sent with its paid request.
        let idempotencyKey: String
        let request: ImageRequest
        let mode: SubmitMode
        let cost: CostEstimate?
        var taskID: String?
        var saved: [Int: String]
        /// The sync request was answered: it is paid for, whatever happens to its images.
        var charged = false
        /// The request's first sending (not a retry or a resume): a refusal of it means
        /// nothing was charged, so the ledger stops counting it.
        var firstSend = false
    }

    private func drive(_ progress: inout Progress, onEvent: @escaping @Sendable (JobEvent) -> Void) async {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let staging = try stagingDirectory()
            let result = try await fetch(&progress, staging: staging, onEvent: onEvent)
            try await save(result, progress: &progress, staging: staging, onEvent: onEvent)
            // The ledger before the journal: a batch resumed after a kill here still sees the line as sent.
            settle(progress.entry, as: .charged, images: progress.saved.count)
            do { try journal.close(entry: progress.entry) } catch {
                let failure = Self.localError("the images are saved but the journal entry could not be closed", error)
                logger.error("journal: cannot close", metadata: ["entry": .string(progress.entry), "error": .string(failure.message)])
                onEvent(.failed(failure))
                return
            }
            logger.info(
                "journal: closed", metadata: ["entry": .string(progress.entry), "images": "\(progress.saved.count)", "duration": .seconds(clock.now - start)]
            )
            onEvent(.completed)
        } catch let error as PixapiError {
            finish(progress, error: error, onEvent: onEvent)
        } catch {
            finish(progress, error: Self.localError("saving failed", error), onEvent: onEvent)
        }
    }

    private func stagingDirectory() throws(PixapiError) -> URL {
        do { return try store.stagingDirectory() } catch {
            throw Self.localError("cannot prepare the gallery folder", error)
        }
    }

    private func fetch(_ progress: inout Progress, staging: URL, onEvent: @escaping @Sendable (JobEvent) -> Void) async throws(PixapiError) -> ImageResult {
        let key = progress.idempotencyKey
        if progress.mode == .sync {
            let result = try await api.create(progress.request, idempotencyKey: key, staging: staging)
            progress.charged = true
            return result
        }
        let taskID: String
        if let known = progress.taskID {
            taskID = known
        } else {
            let snapshot = try await api.submitTask(progress.request, idempotencyKey: key)
            taskID = snapshot.id
            progress.taskID = taskID
            do {
                try journal.recordTaskID(taskID, entry: progress.entry)
                logger.info("journal: task id recorded", metadata: ["entry": .string(progress.entry), "task": .string(taskID)])
            } catch {
                // Keep going: the task is paid for, and the entry still says "submitted, id unknown".
                logger.warning("journal: cannot record the task id", metadata: ["entry": .string(progress.entry), "task": .string(taskID)])
                onEvent(.progress(status: "journal write failed; keep pixterm open until done", percent: nil))
            }
            onEvent(.submitted(taskID: taskID))
            if case let .completed(result) = snapshot.status { return result }
        }
        return try await api.waitForTask(id: taskID, staging: staging, schedule: pollSchedule) { snapshot in
            if case let .running(status) = snapshot.status { onEvent(.progress(status: status, percent: snapshot.progress)) }
        }
    }

    private func save(_ result: ImageResult, progress: inout Progress, staging: URL, onEvent: @escaping @Sendable (JobEvent) -> Void) async throws {
        for path in progress.saved.values.sorted() { onEvent(.saved(path: path, total: result.items.count)) }
        var pending = result.items.filter { progress.saved[$0.index] == nil }
        defer {
            for item in pending { if case let .file(url) = item.payload { try? FileManager.default.removeItem(at: url) } }
        }
        while let item = pending.first {
            let file: URL
            switch item.payload {
            case let .file(url):
                file = url
            case let .url(url):
                file = staging.appendingPathComponent("download-\(UUID().uuidString).img")
                try await api.download(url, to: file)
            }
            let record = ResultRecord(
                request: progress.request, index: item.index, mode: progress.mode, taskID: progress.taskID,
                revisedPrompt: item.revisedPrompt, creditsPerImage: progress.cost?.creditsPerImage,
                requestCost: progress.cost?.costCredits, created: now(), serverCreated: result.created,
                requestID: progress.entry
            )
            let path: URL
            do { path = try store.save(imageAt: file, record: record).url } catch {
                throw Self.localError("cannot save image \(item.index + 1) into the gallery", error)
            }
            pending.removeFirst()
            progress.saved[item.index] = path.path
            try? journal.recordSaved(index: item.index, path: path.path, entry: progress.entry)
            logger.info("journal: image saved", metadata: ["entry": .string(progress.entry), "index": "\(item.index)", "path": .string(path.path)])
            onEvent(.saved(path: path.path, total: result.items.count))
        }
    }

    /// What the journal does with the entry of a job that stopped short.
    private enum Verdict {
        /// Refused by the server or never sent: nothing was charged, the entry is removed.
        case notCharged
        /// May have been (or was) charged: the entry stays for the user to decide.
        case keep(KeptReason)
        /// An async task with a known id: the entry stays for `pixterm tasks resume`.
        case resumable
    }

    private static func verdict(_ progress: Progress, _ error: PixapiError) -> Verdict {
        if progress.taskID != nil { return error.kind == .taskFailed ? .notCharged : .resumable }
        if progress.charged { return .keep(.paidNotDownloaded) }
        // The client reports every paid request that went out without a complete answer as
        // `unknownOutcome`; a cancel mid-request cannot tell, so it counts as one too.
        return error.kind == .unknownOutcome || error.kind == .cancelled ? .keep(.outcomeUnknown) : .notCharged
    }

    /// Reports the end of a job and decides, truthfully, what the journal keeps: a request that
    /// was refused or never sent is removed; one that may have been charged stays, said so.
    private func finish(_ progress: Progress, error: PixapiError, onEvent: @escaping @Sendable (JobEvent) -> Void) {
        let entry = progress.entry
        let reported: PixapiError
        switch Self.verdict(progress, error) {
        case .notCharged:
            // A failed task is the server's own answer, however it was reached; a retry refused
            // (a key still in use, say) says nothing of the first sending, which may have charged.
            if progress.firstSend || error.kind == .taskFailed { settle(entry, as: .refused) }
            try? journal.fail(entry: entry)
            logger.info("journal: failed, not charged; entry removed", metadata: ["entry": .string(entry), "error": .string(error.message)])
            reported = error
        case .resumable:
            logger.notice(
                "journal: kept for tasks resume", metadata: ["entry": .string(entry), "task": .string(progress.taskID ?? ""), "error": .string(error.message)]
            )
            reported = error.adding(" — task \(progress.taskID ?? "") is kept in the journal; `pixterm tasks resume` finishes it")
        case let .keep(reason):
            settle(entry, as: reason == .paidNotDownloaded ? .charged : .unknown, images: progress.saved.count)
            try? journal.keep(entry: entry, as: reason.journalState, note: error.message)
            logger.notice("journal: kept", metadata: ["entry": .string(entry), "reason": "\(reason)", "error": .string(error.message)])
            onEvent(.kept(reason))
            let retry = "`pixterm tasks retry \(entry)` sends it again with the same Idempotency-Key"
            reported =
                switch reason {
                case .outcomeUnknown:
                    PixapiError(
                        .unknownOutcome,
                        "outcome unknown: \(error.message) — kept in the journal as \(entry): `pixterm tasks` lists it, \(retry)",
                        status: error.status, code: error.code, requestID: error.requestID
                    )
                case .paidNotDownloaded:
                    error.adding(" — the request was charged but its images were not all saved; kept in the journal as \(entry): \(retry)")
                }
        }
        onEvent(error.kind == .cancelled ? .cancelled : .failed(reported))
    }

    /// Tells the ledger what became of a request; a ledger that cannot be written is logged,
    /// and the request stays counted as sent (the safe side for the budgets).
    private func settle(_ entry: String, as state: LedgerState, images: Int? = nil) {
        guard let ledger else { return }
        do { try ledger.settle(entry, as: state, images: images) } catch {
            logger.error("ledger: cannot record the outcome", metadata: ["entry": .string(entry), "state": .string(state.rawValue), "error": .string(error.message)])
        }
    }

    static func localError(_ what: String, _ error: any Error) -> PixapiError {
        if let error = error as? PixapiError { return PixapiError(error.kind, "\(what): \(error.message)") }
        let text = "\(error)"
        let full = text.contains("No space left") || text.contains("ENOSPC") || text.contains("fileWriteOutOfSpace")
        return PixapiError(.io, "\(what): \(full ? "the disk is full" : TerminalText.sanitized(text))")
    }
}
