import Foundation
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// `update` builds the jobs for the journal entries claimed at start-up and asks for the
/// tasks to be resumed, so the effect interpreter only claims the entries and runs the effects.
@Suite struct ResumeUpdateTests {
    static let server = URL(string: "https://api.pixapi.ai")!

    static func plan(_ entries: [ClaimedEntry]) -> ResumePlan {
        ResumePlan(entries, baseURL: server, prices: .builtIn)
    }

    @Test func tasksAreResumedByEffectsAndChargedEntriesListedAsStoppedJobs() throws {
        let environment = AppEnvironment.testing()
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        let plan = Self.plan([
            ResumePlanTests.claimed("task", taskID: "task_1", baseURL: "https://api.pixapi.ai/"),
            ResumePlanTests.claimed("lost", taskID: nil, baseURL: "https://api.pixapi.ai", kept: .outcomeUnknown),
            ResumePlanTests.claimed("charged", taskID: nil, baseURL: "https://api.pixapi.ai", kept: .paidNotDownloaded),
            ResumePlanTests.claimed("charged-there", taskID: nil, baseURL: "http://127.0.0.1:9", kept: .paidNotDownloaded),
            ResumePlanTests.claimed("polled-there", taskID: "task_2", baseURL: "http://127.0.0.1:9"),
        ])

        let effects = state.update(.resume(plan), environment: environment)

        #expect(state.jobs.map { $0.journal?.entry ?? $0.taskID } == ["lost", "charged", "task_1"], "kept first, then resumed; nothing from another server")
        let lost = state.jobs[0], charged = state.jobs[1], resumed = state.jobs[2]
        #expect(lost.kept == .outcomeUnknown && lost.retriesKnowingly && lost.isResumed)
        #expect(charged.kept == .paidNotDownloaded && charged.stateLabel == "not downloaded")
        let price = try PriceTable.builtIn.estimate(model: "gpt-image-2", size: ResumePlanTests.request.size, quality: .high, n: 2)
        #expect(lost.cost?.costCredits == price.costCredits)
        #expect(resumed.taskID == "task_1" && resumed.isResumed && resumed.state == .running(status: "resuming"))
        #expect(resumed.startedAt == Date(timeIntervalSince1970: 0), "a resumed job started when the earlier run sent it")
        #expect(Set(state.jobs.map(\.id)).count == 3 && state.jobs.allSatisfy { $0.id.uuidString.hasPrefix("00000000-0000-0000-0000-") })
        #expect(effects == [.resumeJob(resumed, plan.resumable[0])])
        if case let .resumeJob(_, item) = effects.first {
            #expect(item.claimed.entry == "task" && item.taskID == "task_1" && item.claimed.journalRef.idempotencyKey == "key-task")
        }
        #expect(state.message?.text == "resuming 1 paid job left from last time; 2 earlier jobs may have been charged (see Jobs; r retries, asking first)")
        #expect(state.log.contains { $0.contains("task polled-there was sent to http://127.0.0.1:9") })
    }

    @Test func aPlanWithNothingForThisServerAddsNoJobAndSaysNothing() {
        let environment = AppEnvironment.testing()
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        let effects = state.update(.resume(Self.plan([])), environment: environment)
        #expect(effects.isEmpty)
        #expect(state.jobs.isEmpty)
        #expect(state.message == nil)
    }
}
