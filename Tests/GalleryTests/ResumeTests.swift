import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import TestSupport
import Testing

/// Crashes at each step of a job, simulated by dropping the journal (its claims go with it, as
/// they do when a process dies), then `JobRunner.resume` against the simulator finishing them.
@Suite struct ResumeTests {
    /// A simulator and its client (torn down by `with`), a gallery and a journal folder.
    struct Harness {
        let server: SimulatorHarness
        let gallery: GalleryFixture
        let journals: JournalFixture
        var simulator: RunningSimulator { server.simulator }
        var client: PixapiClient { server.client }

        /// Runs `body` with a fresh harness and always tears it down, even when `body` throws.
        static func with(credits: Int? = nil, _ body: (Harness) async throws -> Void) async throws {
            try await SimulatorHarness.with(key: "sk-test", credits: credits, taskDuration: .milliseconds(200)) { server in
                try await body(Harness(server: server, gallery: try GalleryFixture(), journals: JournalFixture()))
            }
        }

        func runner(_ journal: TaskJournal) -> JobRunner {
            JobRunner(api: client, store: gallery.store, journal: journal, baseURL: simulator.baseURL, pollSchedule: SimulatorHarness.fastPoll)
        }

        /// What `pixterm tasks resume` does: claim every open entry, finish those with a task.
        func resumeAll() async throws -> (events: [JobEvent], skipped: [String]) {
            let journal = try journals.journal()
            let collected = EventLog()
            var skipped: [String] = []
            for claimed in journal.claimOpenEntries() {
                guard let taskID = claimed.taskID else {
                    skipped.append(claimed.entry)
                    continue
                }
                let cost = try PriceTable.builtIn.estimate(model: claimed.request.model, size: claimed.request.size, quality: claimed.request.quality, n: claimed.request.n)
                await runner(journal).resume(
                    entry: claimed.journalRef, request: claimed.request, mode: claimed.mode, taskID: taskID, cost: cost,
                    alreadySaved: claimed.alreadySaved, onEvent: collected.append
                )
            }
            return (collected.events, skipped)
        }

        var stagedFiles: [String] { (try? FileManager.default.contentsOfDirectory(atPath: gallery.store.stagingDirectory().path)) ?? [] }
    }

    static let request = ImageRequest(model: "gpt-image-2", prompt: "a lighthouse at dusk", size: try! ImageSize.parse("1024x1024"), quality: .low, n: 2)

    @Test func crashBeforeTheTaskIDIsAnUnknownOutcomeLeftForTheUser() async throws {
        try await Harness.with { harness in
            let id = try harness.journals.journal().open(request: Self.request, mode: .async, baseURL: harness.simulator.baseURL, cost: 12)
            let result = try await harness.resumeAll()
            #expect(result.skipped == [id])
            #expect(result.events.isEmpty)
            #expect(try harness.journals.journal().entry(id)?.nextStep == .unknownOutcome)
            #expect(await harness.simulator.receivedRequests().isEmpty, "nothing is resubmitted")
        }
    }

    @Test func crashAfterTheTaskIDIsFinishedOnce() async throws {
        try await Harness.with { harness in
            do {
                let journal = try harness.journals.journal()
                let id = try journal.open(request: Self.request, mode: .async, baseURL: harness.simulator.baseURL, cost: 12)
                try journal.recordTaskID(try await harness.client.submitTask(Self.request).id, entry: id)
            }  // the process dies here
            let result = try await harness.resumeAll()
            #expect(result.events.last == .completed)
            let saved = try harness.gallery.store.page(limit: 10).entries
            #expect(saved.count == 2)
            #expect(Set(saved.compactMap { $0.request?.prompt }) == [Self.request.prompt])
            #expect(saved.allSatisfy { $0.size == "1024x1024" && $0.creditsPerImage != nil })
            #expect(try harness.journals.journal().openEntries().isEmpty)
            // A second resume finds nothing to do.
            #expect(try await harness.resumeAll().events.isEmpty)
            #expect(try harness.gallery.store.page(limit: 10).total == 2)
            let submits = await harness.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(submits.count == 1, "the task is never submitted again")
        }
    }

    @Test func crashMidDownloadSavesOnlyWhatIsMissing() async throws {
        try await Harness.with { harness in
            let firstPath: String
            do {
                let (journal, id, task, staging, result) = try await Self.finishedTask(harness)
                // Image 0 is saved and recorded; image 1 was half downloaded when the process died.
                let first = try #require(result.items.first { $0.index == 0 })
                let file = try await harness.server.materialize(first, into: staging)
                firstPath = try harness.gallery.store.save(
                    imageAt: file,
                    record: ResultRecord(
                        request: Self.request, index: 0, mode: .async, taskID: task, revisedPrompt: nil, creditsPerImage: 6, requestCost: 12,
                        created: Date()
                    )
                ).url.path
                try journal.recordSaved(index: 0, path: firstPath, entry: id)
                try Data(repeating: 0x89, count: 100).write(to: staging.appendingPathComponent("download-partial.img"))
                for item in result.items where item.index != 0 { if case let .file(url) = item.payload { try? FileManager.default.removeItem(at: url) } }
            }
            let result = try await harness.resumeAll()
            #expect(result.events.last == .completed)
            let savedPaths = result.events.compactMap { if case let .saved(path, _) = $0 { path } else { nil } }
            #expect(savedPaths.count == 2 && savedPaths.first == firstPath, "the already saved image is reported, not saved again")
            #expect(try harness.gallery.store.page(limit: 10).total == 2)
            #expect(harness.gallery.files().filter { $0.hasSuffix(".png") }.count == 2)
            #expect(try harness.journals.journal().openEntries().isEmpty)
            #expect(harness.stagedFiles == ["download-partial.img"], "a recent partial file may belong to a live process; it ages out")
        }
    }

    @Test func crashBetweenSavingAndRecordingDoesNotDuplicate() async throws {
        try await Harness.with { harness in
            do {
                let (_, _, task, staging, result) = try await Self.finishedTask(harness)
                for item in result.items {
                    let file = try await harness.server.materialize(item, into: staging)
                    try harness.gallery.store.save(
                        imageAt: file,
                        record: ResultRecord(
                            request: Self.request, index: item.index, mode: .async, taskID: task, revisedPrompt: nil, creditsPerImage: 6,
                            requestCost: 12, created: Date()
                        )
                    )
                }
            }  // died before recordSaved and close
            let result = try await harness.resumeAll()
            #expect(result.events.last == .completed)
            #expect(try harness.gallery.store.page(limit: 10).total == 2)
            #expect(harness.gallery.files().filter { $0.hasSuffix(".png") }.count == 2)
            #expect(harness.stagedFiles.isEmpty)
        }
    }

    @Test func anEntryHeldByALiveProcessIsLeftAlone() async throws {
        try await Harness.with { harness in
            let owner = try harness.journals.journal()
            let id = try owner.open(request: Self.request, mode: .async, baseURL: harness.simulator.baseURL, cost: 12)
            try owner.recordTaskID("task-elsewhere", entry: id)
            let result = try await harness.resumeAll()
            #expect(result.events.isEmpty && result.skipped.isEmpty)
            #expect(owner.entry(id) != nil)
        }
    }

    /// A journalled task submitted with its id recorded and run to completion, its images
    /// downloaded to staging but not yet saved: the state a process dies in after the server finished.
    static func finishedTask(_ harness: Harness) async throws -> (TaskJournal, String, String, URL, ImageResult) {
        let journal = try harness.journals.journal()
        let id = try journal.open(request: Self.request, mode: .async, baseURL: harness.simulator.baseURL, cost: 12)
        let task = try await harness.client.submitTask(Self.request).id
        try journal.recordTaskID(task, entry: id)
        let staging = try harness.gallery.store.stagingDirectory()
        let result = try await harness.client.waitForTask(id: task, staging: staging, schedule: SimulatorHarness.fastPoll)
        return (journal, id, task, staging, result)
    }
}

/// Events reported from the runner's task, collected for assertions.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [JobEvent] = []

    func append(_ event: JobEvent) { lock.withLock { stored.append(event) } }
    var events: [JobEvent] { lock.withLock { stored } }
}
