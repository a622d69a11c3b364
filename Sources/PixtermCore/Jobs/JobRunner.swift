import Foundation
import PixapiKit

/// Runs one job end to end: journal, submit, poll, download, save, close.
///
/// It never throws; everything it has to say arrives as `JobEvent`s, ending with exactly one
/// of `.completed`, `.failed` or `.cancelled`.
public struct JobRunner: Sendable {
    public let api: any ImageAPI
    public let store: any ResultStore
    public let journal: any WorkJournal
    public let baseURL: URL
    public let pollSchedule: PollSchedule

    public init(api: any ImageAPI, store: any ResultStore, journal: any WorkJournal, baseURL: URL, pollSchedule: PollSchedule = .standard) {
        self.api = api
        self.store = store
        self.journal = journal
        self.baseURL = baseURL
        self.pollSchedule = pollSchedule
    }

    /// Sends `request` and saves its images. `onEvent` is called from the runner's task.
    public func run(_ request: ImageRequest, mode: SubmitMode, cost: CostEstimate?, onEvent: @escaping @Sendable (JobEvent) -> Void) async {
        let entry: String
        do {
            entry = try journal.open(request: request, mode: mode, baseURL: baseURL, cost: cost?.costCredits)
        } catch {
            onEvent(.failed(Self.localError("cannot record the job in the journal, so nothing was sent", error)))
            return
        }
        var progress = Progress(entry: entry, request: request, mode: mode, cost: cost, taskID: nil, saved: [:])
        await drive(&progress, onEvent: onEvent)
    }

    /// Finishes a journal entry left open by an earlier run: polls its task and saves what is missing.
    public func resume(
        entry: String, request: ImageRequest, mode: SubmitMode, taskID: String, cost: CostEstimate?,
        alreadySaved: [Int: String], onEvent: @escaping @Sendable (JobEvent) -> Void
    ) async {
        var progress = Progress(entry: entry, request: request, mode: mode, cost: cost, taskID: taskID, saved: alreadySaved)
        await drive(&progress, onEvent: onEvent)
    }

    private struct Progress {
        let entry: String
        let request: ImageRequest
        let mode: SubmitMode
        let cost: CostEstimate?
        var taskID: String?
        var saved: [Int: String]
    }

    private func drive(_ progress: inout Progress, onEvent: @escaping @Sendable (JobEvent) -> Void) async {
        do {
            let staging = try stagingDirectory()
            let result = try await fetch(&progress, staging: staging, onEvent: onEvent)
            try await save(result, progress: &progress, staging: staging, onEvent: onEvent)
            do { try journal.close(entry: progress.entry) } catch {
                onEvent(.failed(Self.localError("the images are saved but the journal entry could not be closed", error)))
                return
            }
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
        if progress.mode == .sync {
            return try await api.create(progress.request, staging: staging)
        }
        let taskID: String
        if let known = progress.taskID {
            taskID = known
        } else {
            let snapshot = try await api.submitTask(progress.request)
            taskID = snapshot.id
            progress.taskID = taskID
            do { try journal.recordTaskID(taskID, entry: progress.entry) } catch {
                // Keep going: the task is paid for, and the entry still says "submitted, id unknown".
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
                requestCost: progress.cost?.costCredits, created: result.created ?? Date()
            )
            let path: URL
            do { path = try store.save(imageAt: file, record: record) } catch {
                throw Self.localError("cannot save image \(item.index + 1) into the gallery", error)
            }
            pending.removeFirst()
            progress.saved[item.index] = path.path
            try? journal.recordSaved(index: item.index, path: path.path, entry: progress.entry)
            onEvent(.saved(path: path.path, total: result.items.count))
        }
    }

    /// Reports the end of a job and decides what the journal keeps: a request the server
    /// refused is closed as failed (nothing was charged); anything that may have been charged
    /// stays open for `pixterm tasks resume`.
    private func finish(_ progress: Progress, error: PixapiError, onEvent: @escaping @Sendable (JobEvent) -> Void) {
        let refusedBeforeCharging: Bool
        switch error.kind {
        case .invalidInput, .invalidRequest, .unauthorized, .insufficientCredits, .notFound, .promptRejected, .missingKey:
            refusedBeforeCharging = progress.taskID == nil
        case .taskFailed:
            refusedBeforeCharging = true
        case .rateLimited:
            refusedBeforeCharging = progress.taskID == nil
        default:
            refusedBeforeCharging = false
        }
        if refusedBeforeCharging {
            try? journal.fail(entry: progress.entry, message: error.message)
        }
        if error.kind == .cancelled {
            onEvent(.cancelled)
        } else if !refusedBeforeCharging, progress.taskID != nil {
            let kept = PixapiError(
                error.kind, error.message + " — task \(progress.taskID ?? "") is kept in the journal; `pixterm tasks resume` finishes it",
                status: error.status, code: error.code, param: error.param, requestID: error.requestID
            )
            onEvent(.failed(kept))
        } else {
            onEvent(.failed(error))
        }
    }

    static func localError(_ what: String, _ error: any Error) -> PixapiError {
        if let error = error as? PixapiError { return PixapiError(error.kind, "\(what): \(error.message)") }
        let text = "\(error)"
        let full = text.contains("No space left") || text.contains("ENOSPC") || text.contains("fileWriteOutOfSpace")
        return PixapiError(.io, "\(what): \(full ? "the disk is full" : TerminalText.sanitized(text))")
    }
}
