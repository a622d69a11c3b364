import Foundation
import ImageCodec
import PixapiSimulator
import TestSupport
import Testing

@Suite("Async tasks")
struct AsyncTaskTests {
    static var body: [String: Any] { ["model": "gpt-image-2", "prompt": "a lighthouse", "n": 2, "quality": "medium"] }

    /// Polls until the task is terminal, moving the simulator's clock on by `step` seconds after
    /// each poll instead of waiting, and returns every envelope seen.
    static func pollToEnd(_ sim: RunningSimulator, _ id: String, clock: TestClock, step: TimeInterval) async throws -> [[String: Any]] {
        var seen: [[String: Any]] = []
        for _ in 0..<200 {
            let envelope = try #require(try await RawHTTP.get(sim, "/v1/tasks/\(id)").json)
            seen.append(envelope)
            if ["completed", "failed"].contains(envelope["status"] as? String) { return seen }
            clock.advance(by: step)
        }
        Issue.record("task \(id) never finished")
        return seen
    }

    @Test("submit, then queued and in_progress with growing progress, then completed with the images")
    func lifecycle() async throws {
        let clock = TestClock()
        try await withSimulator(.init(taskDuration: .milliseconds(4000), startingCredits: 100, now: { clock.now })) { sim in
            let submitted = try await RawHTTP.postJSON(sim, "/v1/async/images/generations", Self.body)
            #expect(submitted.status == 200)
            let envelope = try #require(submitted.json)
            #expect(envelope["status"] as? String == "submitted")
            #expect(envelope["progress"] as? Int == 0)
            #expect(envelope["model"] as? String == "gpt-image-2")
            #expect(envelope["created_at"] is Int)
            let id = try #require(envelope["id"] as? String)
            #expect(id.hasPrefix("task_") && id.count == 31)
            // medium at 1K costs 4 per image, charged on submission.
            #expect(await sim.creditBalance() == 92)

            let polls = try await Self.pollToEnd(sim, id, clock: clock, step: 0.25)
            let statuses = polls.compactMap { $0["status"] as? String }
            let progress = polls.compactMap { $0["progress"] as? Int }
            #expect(statuses.contains("in_progress"))
            #expect(statuses.last == "completed")
            #expect(progress == progress.sorted())
            #expect(progress.last == 100)
            #expect(Set(progress).count >= 3)

            let result = try #require(polls.last?["result"] as? [String: Any])
            let items = try #require(result["data"] as? [[String: Any]])
            let images = try await imageBytes(items: items)
            #expect(images.count == 2)
            #expect(images.allSatisfy { ImageHeader.parse($0)?.width == 1024 })

            // Later polls return the same result rather than new images.
            let again = try #require(try await RawHTTP.get(sim, "/v1/tasks/\(id)").json)
            let againItems = (again["result"] as? [String: Any])?["data"] as? [[String: Any]]
            #expect(againItems?.compactMap { $0["url"] as? String } == items.compactMap { $0["url"] as? String })
        }
    }

    @Test("a taskFails fault ends the next task failed with an error object and charges nothing")
    func taskFails() async throws {
        let clock = TestClock()
        try await withSimulator(.init(taskDuration: .milliseconds(200), startingCredits: 100, now: { clock.now })) { sim in
            await sim.schedule(Fault(kind: .taskFails, message: "GPU on fire"))
            let submitted = try await RawHTTP.postJSON(sim, "/v1/async/images/generations", Self.body)
            let id = try #require(submitted.json?["id"] as? String)
            #expect(await sim.creditBalance() == 100)
            let last = try #require(try await Self.pollToEnd(sim, id, clock: clock, step: 0.05).last)
            #expect(last["status"] as? String == "failed")
            let error = try #require(last["error"] as? [String: Any])
            #expect(error["message"] as? String == "GPU on fire")
            #expect(error["code"] as? String == "task_failed")
            #expect(last["result"] == nil)

            // The fault is used up: the next task completes.
            let next = try await RawHTTP.postJSON(sim, "/v1/async/images/generations", Self.body)
            let nextID = try #require(next.json?["id"] as? String)
            #expect(try await Self.pollToEnd(sim, nextID, clock: clock, step: 0.05).last?["status"] as? String == "completed")
        }
    }

    @Test("async submissions validate like sync ones, and unknown tasks are 404")
    func asyncValidation() async throws {
        try await withSimulator { sim in
            let invalid = try await RawHTTP.postJSON(sim, "/v1/async/images/generations", ["model": "gpt-image-2", "prompt": "x", "size": "100x100"])
            #expect(invalid.status == 400)
            #expect(invalid.error?["param"] as? String == "size")
            let unknown = try await RawHTTP.get(sim, "/v1/tasks/task_00000000000000000000000000")
            #expect(unknown.status == 404)
            let unauthorized = try await RawHTTP.get(sim, "/v1/tasks/task_x", key: nil)
            #expect(unauthorized.status == 401)
        }
    }
}
