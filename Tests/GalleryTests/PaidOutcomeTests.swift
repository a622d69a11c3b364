import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import Testing

/// What the journal keeps when a paid job stops short, against the simulator over loopback:
/// the truth about the charge, never a silent second send.
@Suite struct PaidOutcomeTests {
    typealias Harness = ResumeTests.Harness

    static let request = ImageRequest(
        model: "gpt-image-2", prompt: "a paid lighthouse", size: try! ImageSize.parse("1024x1024"), quality: .low, responseFormat: .b64JSON
    )
    static var cost: CostEstimate { try! PriceTable.builtIn.estimate(model: "gpt-image-2", size: request.size, quality: .low, n: 1) }

    static func run(_ harness: Harness, _ journal: TaskJournal, _ request: ImageRequest = request, mode: SubmitMode) async -> [JobEvent] {
        let log = EventLog()
        await harness.runner(journal).run(request, mode: mode, cost: cost, onEvent: log.append)
        return log.events
    }

    static func recorded(_ events: [JobEvent]) -> JournalRef? {
        events.lazy.compactMap { if case let .recorded(entry) = $0 { entry } else { nil } }.first
    }

    static func failure(_ events: [JobEvent]) -> PixapiError? {
        if case let .failed(error) = events.last { error } else { nil }
    }

    @Test(arguments: [(Fault.Kind.truncate, SubmitMode.sync), (.dropAfterWork, .sync), (.truncate, .async), (.dropAfterWork, .async)])
    func aLostAnswerIsKeptAsMayHaveBeenChargedAndAKnowingRetryChargesNothingMore(kind: Fault.Kind, mode: SubmitMode) async throws {
        try await Harness.with(credits: 100) { harness in
            let path = mode == .sync ? "/v1/images/generations" : "/v1/async/images/generations"
            await harness.simulator.schedule(Fault(kind: kind, path: path))
            let journal = try harness.journals.journal()
            let events = await Self.run(harness, journal, mode: mode)
            let error = try #require(Self.failure(events), "\(events)")
            #expect(error.kind == .unknownOutcome)
            #expect(error.message.contains("may have been charged") && error.message.contains("pixterm tasks"), "\(error)")
            #expect(events.contains(.kept(.outcomeUnknown)))
            let ref = try #require(Self.recorded(events))
            let entry = try #require(journal.entry(ref.entry), "the entry is kept")
            #expect(entry.state == .outcomeUnknown && entry.nextStep == .unknownOutcome)
            #expect(entry.idempotencyKey == ref.idempotencyKey && entry.note != nil)
            #expect(await harness.simulator.creditBalance() == 99, "charged once")
            #expect(await harness.simulator.receivedRequests().filter { $0.method == "POST" }.count == 1, "never sent twice on its own")

            let retried = EventLog()
            await harness.runner(journal).retry(ref, request: Self.request, mode: mode, cost: Self.cost, onEvent: retried.append)
            #expect(retried.events.last == .completed, "\(retried.events)")
            #expect(journal.openEntries().isEmpty)
            #expect(try harness.gallery.store.page(limit: 10).total == 1)
            #expect(await harness.simulator.creditBalance() == 99, "the repeat under the same key was not charged")
            let posts = await harness.simulator.receivedRequests().filter { $0.method == "POST" }
            #expect(posts.map(\.idempotencyKey) == [ref.idempotencyKey, ref.idempotencyKey])
            #expect(posts.last?.replayed == true)
        }
    }

    @Test(arguments: [404, 410, 403])
    func aPaidSyncRequestWhoseImageDownloadFailsIsKeptAsChargedNotSaved(status: Int) async throws {
        try await Harness.with(credits: 100) { harness in
            await harness.simulator.schedule(.status(status, path: "/files/"))
            var request = Self.request
            request.responseFormat = .url
            let journal = try harness.journals.journal()
            let events = await Self.run(harness, journal, request, mode: .sync)
            let error = try #require(Self.failure(events), "\(events)")
            #expect(error.message.contains("charged"), "\(error)")
            #expect(events.contains(.kept(.paidNotDownloaded)))
            let entry = try #require(journal.openEntries().first, "a charged request is not removed as refused")
            #expect(entry.state == .paidNotDownloaded && entry.nextStep == .paidNotDownloaded)
            #expect(await harness.simulator.creditBalance() == 99)
        }
    }

    @Test func aRefusedConnectionWasNotSentAndIsRemoved() async throws {
        let gallery = try GalleryFixture()
        let journals = JournalFixture()
        let journal = try journals.journal()
        let nowhere = URL(string: "http://127.0.0.1:9")!
        let client = PixapiClient(
            configuration: ClientConfiguration(
                baseURL: nowhere, apiKey: "k", retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(20))
            ))
        let log = EventLog()
        await JobRunner(api: client, store: gallery.store, journal: journal, baseURL: nowhere)
            .run(Self.request, mode: .sync, cost: Self.cost, onEvent: log.append)
        await client.shutdown()
        #expect(Self.failure(log.events)?.kind == .network)
        #expect(!log.events.contains { if case .kept = $0 { true } else { false } })
        #expect(journal.openEntries().isEmpty, "nothing was sent, so nothing can have been charged")
    }

    @Test func aServerRefusalIsRemoved() async throws {
        try await Harness.with(credits: 100) { harness in
            await harness.simulator.schedule(.status(402))
            let journal = try harness.journals.journal()
            let events = await Self.run(harness, journal, mode: .sync)
            #expect(Self.failure(events)?.kind == .insufficientCredits)
            #expect(journal.openEntries().isEmpty)
        }
    }
}
