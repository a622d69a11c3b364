import Foundation
import PixapiKit

extension AppState {
    mutating func handleJobsKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard !jobs.isEmpty else { compose.focus = .prompt; return [] }
        selectedJob = min(selectedJob, jobs.count - 1)
        guard let command = KeyMaps.jobs.command(for: key) else { return [] }
        let job = jobs[selectedJob]
        switch command {
        case .up: selectedJob = max(0, selectedJob - 1)
        case .down: selectedJob = min(jobs.count - 1, selectedJob + 1)
        case .cancel:
            guard !job.state.isFinished else { return [] }
            return [.cancelJob(job.id)]
        case .retry: return retryKey(job, environment: environment)
        case .details:
            if case let .failed(error) = job.state {
                fail(error.description)
            } else if job.state.isFinished, job.savedPaths.count > 1 {
                return openSheet(paths: job.savedPaths)
            } else if let path = job.savedPaths.last {
                note(path)
            }
        case .quit: return requestQuit()
        }
        return []
    }

    /// `r` on a job: asks first when it may have been charged, refuses when sending it again
    /// could pay twice, else starts it again.
    private mutating func retryKey(_ job: Job, environment: AppEnvironment) -> [Effect] {
        if job.wasRetried { note("this job was retried already: see the newer job below"); return [] }
        if job.retriesKnowingly, let kept = job.kept {
            overlay = .confirm(.retryKept(job: job.id, reason: kept, credits: job.cost?.costCredits))
            return []
        }
        guard case let .failed(error) = job.state else { note("only a failed job can be retried"); return [] }
        // The server accepted this task, so it may be charged and its journal entry is
        // kept (only a task that failed is closed): sending the request again would pay
        // twice. Resuming polls the same task instead.
        if let taskID = job.taskID, error.kind != .taskFailed {
            note("task \(taskID) is kept in the journal and may be charged: `pixterm tasks resume` (or the next start) finishes it without sending it again")
            return []
        }
        // A new request like any other: over a budget, it asks to go over once.
        if let cost = job.cost?.costCredits, let spent = spend.totals {
            let crossed = environment.budgets.crossings(cost: cost, spent: spent)
            if !crossed.isEmpty {
                overlay = .confirm(.overBudget(crossed, threshold: nil, retrying: job.id))
                return []
            }
        }
        return retry(job, environment: environment)
    }

    /// Starts `job` again as a new job: under the same journal entry and `Idempotency-Key` when
    /// its entry was kept (the user confirmed), else as a new request (`overBudget` when the
    /// user said to go over a budget).
    mutating func retry(_ job: Job, overBudget: Bool = false, environment: AppEnvironment) -> [Effect] {
        let again = Job(
            id: environment.uuid(), request: job.request, mode: job.mode, cost: job.cost, startedAt: environment.now(),
            retrying: job.retriesKnowingly ? job.journal : nil, overBudget: overBudget
        )
        if again.retrying != nil, let index = jobs.firstIndex(where: { $0.id == job.id }) { jobs[index].handOverJournal() }
        jobs.append(again)
        selectedJob = jobs.count - 1
        appendLog("retrying\(again.retrying.map { " journal entry \($0.entry) with its Idempotency-Key" } ?? ""): \(job.request.prompt.prefix(60))")
        return [.startJob(again)]
    }

    /// Folds in what a running job reported and says what the user should know.
    mutating func applyJobEvent(_ id: UUID, _ event: JobEvent, now: Date) {
        guard let index = jobs.firstIndex(where: { $0.id == id }) else { return }
        jobs[index].apply(event, at: now)
        let prompt = String(jobs[index].request.prompt.prefix(40))
        switch event {
        case .completed:
            appendLog("done: \(prompt) -> \(jobs[index].savedPaths.joined(separator: ", "))")
            let saved = jobs[index].savedPaths.count
            // Several images: say where to see them side by side.
            note("done: \(saved) image\(saved == 1 ? "" : "s") saved to the gallery (Ctrl+O\(saved > 1 ? "; Enter in Jobs: side by side" : ""))")
        case let .failed(error):
            if jobs[index].kept == .outcomeUnknown {
                appendLog(error.description)
                fail("outcome unknown: may have been charged; in Jobs, r retries it (asks first); Ctrl+L has the details")
            } else if error.kind == .overBudget {
                // Another pixterm spent after this one last read the spend; the runner's check held.
                fail("\(error.message); in Jobs, r asks whether to go over the budget once")
            } else {
                fail("job failed: \(error.description)")
            }
        case .cancelled:
            appendLog("cancelled: \(prompt)")
        case let .submitted(taskID):
            appendLog("task \(taskID) submitted: \(prompt)")
        case .progress, .saved, .recorded, .kept:
            break
        }
    }

    /// Jobs found open in the journal at start-up join the list, and the user is told.
    mutating func appendResumed(_ found: [Job]) {
        jobs.append(contentsOf: found)
        let kept = found.filter { $0.kept != nil }.count
        let running = found.count - kept
        var said: [String] = []
        if running > 0 { said.append("resuming \(running) paid job\(running == 1 ? "" : "s") left from last time") }
        if kept > 0 { said.append("\(kept) earlier job\(kept == 1 ? "" : "s") may have been charged (see Jobs; r retries, asking first)") }
        if !said.isEmpty {
            note(said.joined(separator: "; "))
            appendLog(said.joined(separator: "; "))
        }
    }
}
