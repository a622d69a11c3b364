import Foundation
import PixapiKit
import Testing
@testable import PixtermCore

/// Which claimed journal entries are resumed, and which are left for the person to decide.
@Suite struct ResumePlanTests {
    static let request = ImageRequest(model: "gpt-image-2", prompt: "a fox", size: try! ImageSize.parse("2048x2048"), quality: .high, n: 2)

    static func claimed(_ id: String, taskID: String?, baseURL: String, kept: KeptReason? = nil) -> ClaimedEntry {
        ClaimedEntry(
            entry: id, request: request, mode: taskID == nil ? .sync : .async, taskID: taskID, baseURL: baseURL, cost: 134,
            created: Date(timeIntervalSince1970: 0), alreadySaved: [:], idempotencyKey: "key-\(id)", kept: kept, claim: 0
        )
    }

    @Test func onlyTasksWithAnIdAtThisServerAreResumed() throws {
        let plan = ResumePlan(
            [
                Self.claimed("here", taskID: "task_1", baseURL: "https://API.pixapi.ai/"),
                Self.claimed("unknown", taskID: nil, baseURL: "https://api.pixapi.ai"),
                Self.claimed("elsewhere", taskID: "task_2", baseURL: "http://127.0.0.1:8080"),
                Self.claimed("lost", taskID: nil, baseURL: "https://api.pixapi.ai", kept: .outcomeUnknown),
                Self.claimed("charged", taskID: nil, baseURL: "https://api.pixapi.ai", kept: .paidNotDownloaded),
            ],
            baseURL: URL(string: "https://api.pixapi.ai")!, prices: .builtIn
        )
        #expect(plan.resumable.map(\.claimed.entry) == ["here"])
        #expect(plan.resumable.first?.taskID == "task_1")
        let price = try PriceTable.builtIn.estimate(model: "gpt-image-2", size: Self.request.size, quality: .high, n: 2)
        #expect(plan.resumable.first?.cost?.costCredits == price.costCredits)
        #expect(plan.unknownOutcome.map(\.entry) == ["unknown", "lost"])
        #expect(plan.notDownloaded.map(\.entry) == ["charged"], "charged but not saved: nothing to poll, never sent again by itself")
        #expect(plan.elsewhere.map(\.entry) == ["elsewhere"])
    }
}
