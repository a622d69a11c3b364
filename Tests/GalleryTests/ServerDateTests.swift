import Foundation
@testable import Gallery
import PixapiKit
import PixapiSimulator
import PixtermCore
import Testing

/// The real client against the simulator, with the answer's `created` replaced as a server with
/// a wrong clock would send it.
struct ServerClockAPI: ImageAPI {
    let inner: PixapiClient
    let serverCreated: Date

    private func stamped(_ result: ImageResult) -> ImageResult {
        ImageResult(created: serverCreated, items: result.items, outputFormat: result.outputFormat)
    }

    func create(_ request: ImageRequest, idempotencyKey: String, staging: URL) async throws(PixapiError) -> ImageResult {
        stamped(try await inner.create(request, idempotencyKey: idempotencyKey, staging: staging))
    }

    func submitTask(_ request: ImageRequest, idempotencyKey: String) async throws(PixapiError) -> TaskSnapshot {
        try await inner.submitTask(request, idempotencyKey: idempotencyKey)
    }

    func task(id: String, staging: URL) async throws(PixapiError) -> TaskSnapshot {
        try await inner.task(id: id, staging: staging)
    }

    func download(_ url: URL, to destination: URL) async throws(PixapiError) {
        try await inner.download(url, to: destination)
    }
}

/// The date folder comes from the local clock; the server's `created` is only recorded.
@Suite struct ServerDateTests {
    @Test(arguments: [Date(timeIntervalSince1970: 32_503_680_000), Date(timeIntervalSince1970: 86_400)])
    func aServerDateFarFromNowDoesNotChooseTheFolder(serverCreated: Date) async throws {
        let simulator = try await Simulator.start()
        let client = PixapiClient(configuration: ClientConfiguration(baseURL: simulator.baseURL, apiKey: "sk-test"))
        let gallery = try GalleryFixture()
        let journals = JournalFixture()
        let savedAt = Date(timeIntervalSince1970: 1_796_000_000)
        let runner = JobRunner(
            api: ServerClockAPI(inner: client, serverCreated: serverCreated), store: gallery.store, journal: try journals.journal(),
            baseURL: simulator.baseURL, now: { savedAt }
        )
        let events = EventLog()
        let request = ImageRequest(model: "gpt-image-2", prompt: "a clock tower", size: try ImageSize.parse("1024x1024"), quality: .low)
        await runner.run(request, mode: .sync, cost: nil, onEvent: events.append)
        await client.shutdown()
        await simulator.shutdown()

        #expect(events.events.last == .completed, "\(events.events)")
        let entry = try #require(try gallery.store.page(limit: 5).entries.first)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let day = calendar.dateComponents([.year, .month, .day], from: savedAt)
        #expect(entry.relativePath.hasPrefix(String(format: "%04d/%02d/%02d/", day.year!, day.month!, day.day!)), "\(entry.relativePath)")
        #expect(abs(entry.created.timeIntervalSince(savedAt)) < 1)
        let sidecar = try Sidecar.decoder.decode(Sidecar.self, from: Data(contentsOf: GalleryLayout.sidecarURL(for: entry.url)))
        #expect(abs(sidecar.created.timeIntervalSince(savedAt)) < 1)
        #expect(sidecar.serverCreated.map { abs($0.timeIntervalSince(serverCreated)) < 1 } == true, "the server's value is kept")
    }

    @Test func aSidecarWithoutTheServerDateStillLoads() throws {
        let json = #"{"id": "abc-0", "created": "2026-01-02T03:04:05Z"}"#
        let sidecar = try Sidecar.decoder.decode(Sidecar.self, from: Data(json.utf8))
        #expect(sidecar.serverCreated == nil)
    }
}
