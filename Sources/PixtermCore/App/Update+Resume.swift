import Foundation
import PixapiKit

extension AppState {
    /// Turns the journal entries claimed at start-up into jobs: a task is resumed (polled, its
    /// missing images saved), an entry that may have been charged is listed as a stopped job
    /// to retry knowingly or leave, and a task sent to another server is only mentioned.
    mutating func resume(_ plan: ResumePlan, environment: AppEnvironment) -> [Effect] {
        for claimed in plan.elsewhere {
            appendLog("task \(claimed.entry) was sent to \(claimed.baseURL); finish it with `pixterm tasks resume --base-url \(claimed.baseURL)`")
        }
        let stopped = plan.unknownOutcome.map { ($0, KeptReason.outcomeUnknown) } + plan.notDownloaded.map { ($0, KeptReason.paidNotDownloaded) }
        let kept = stopped.filter { ResumePlan.isSameServer($0.0.baseURL, plan.baseURL) }.map { claimed, reason in
            Job.keptInJournal(claimed, id: environment.uuid(), reason: reason, cost: ResumePlan.cost(of: claimed.request, prices: environment.prices))
        }
        let resumed = plan.resumable.map { item in
            let claimed = item.claimed
            let job = Job(
                id: environment.uuid(), request: claimed.request, mode: claimed.mode, cost: item.cost, startedAt: claimed.created,
                taskID: item.taskID, isResumed: true
            )
            return (job, item)
        }
        appendResumed(kept + resumed.map(\.0))
        return resumed.map { Effect.resumeJob($0, $1) }
    }
}
