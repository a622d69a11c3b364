import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import TestSupport
import Testing

/// An async task that outlasts the poll ceiling: the runner stops, says so, and leaves the
/// journal entry for `tasks resume`, which finishes it once the task is done.
@Suite struct PollCeilingTests {
    static func schedule(maxWait: Duration) -> PollSchedule {
        PollSchedule(initial: [.milliseconds(50)], steadyMin: .milliseconds(100), steadyMax: .milliseconds(150), maxWait: maxWait)
    }

    @Test func aTaskOutlastingTheCeilingStopsPollingAndStaysResumable() async throws {
        // The simulator's clock stands still until the test moves it: the first run can only end
        // at its ceiling, and the task finishes when the test says its 5 s have passed.
        let clock = TestClock()
        let simulator = try await Simulator.start(SimulatorConfiguration(taskDuration: .seconds(5), now: { clock.now }))
        let client = PixapiClient(configuration: ClientConfiguration(baseURL: simulator.baseURL, apiKey: "sk-test"))
        let gallery = try GalleryFixture()
        let journals = JournalFixture()
        let request = ImageRequest(model: "gpt-image-2", prompt: "a slow sunrise", size: try ImageSize.parse("1024x1024"), quality: .low)

        do {
            // The first run's journal is dropped afterwards, releasing its claim, as a process exit does.
            let impatient = JobRunner(
                api: client, store: gallery.store, journal: try journals.journal(), baseURL: simulator.baseURL,
                pollSchedule: Self.schedule(maxWait: .seconds(1))
            )
            let first = EventLog()
            // The ceiling counts from the task's acceptance, so that is when the clock starts: on
            // a loaded machine the submission alone can take seconds.
            let accepted = SubmissionTime()
            await impatient.run(request, mode: .async, cost: nil) { event in
                if case .submitted = event { accepted.mark() }
                first.append(event)
            }
            let polled = try #require(accepted.elapsed, "the task was accepted before the ceiling")
            // At the 1 s ceiling, with room for a loaded machine: without the ceiling it would
            // poll a task whose clock never moves until the test's own timeouts.
            #expect(polled < .seconds(20), "polling stopped at the 1 s ceiling")
            guard case let .failed(error) = first.events.last else {
                Issue.record("expected the job to stop at the ceiling: \(first.events)")
                return
            }
            #expect(error.kind == .timeout)
            #expect(error.message.contains("is still running after"), "\(error)")
            #expect(error.message.contains("pixterm tasks resume"), "\(error)")
        }

        let journal = try journals.journal()
        let open = journal.claimOpenEntries()
        #expect(open.count == 1)
        let claimed = try #require(open.first)
        let taskID = try #require(claimed.taskID, "the task id is kept so the task can be resumed")
        #expect(try gallery.store.page(limit: 5).total == 0)

        clock.advance(by: 5)
        let patient = JobRunner(api: client, store: gallery.store, journal: journal, baseURL: simulator.baseURL, pollSchedule: Self.schedule(maxWait: .seconds(30)))
        let second = EventLog()
        await patient.resume(
            entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: taskID, cost: nil, alreadySaved: claimed.alreadySaved,
            onEvent: second.append
        )
        await client.shutdown()
        await simulator.shutdown()
        #expect(second.events.last == .completed, "\(second.events)")
        #expect(try gallery.store.page(limit: 5).total == 1)
        #expect(try journals.journal().openEntries().isEmpty)
        let submits = await simulator.receivedRequests().filter { $0.method == "POST" }
        #expect(submits.count == 1, "resuming polls the same task; nothing is submitted again")
    }
}

/// When a job's task was accepted, marked from its event callback.
private final class SubmissionTime: @unchecked Sendable {
    private let lock = NSLock()
    private var start: ContinuousClock.Instant?

    func mark() { lock.withLock { start = ContinuousClock.now } }
    var elapsed: Duration? { lock.withLock { start.map { ContinuousClock.now - $0 } } }
}
