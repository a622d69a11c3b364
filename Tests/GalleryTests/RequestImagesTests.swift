import Foundation
import PixapiKit
import Testing
@testable import Gallery

/// The images of one request, found together for the contact sheet.
@Suite struct RequestImagesTests {
    /// Saves image `index` of an n=`n` request as the job runner does: the request's id
    /// (`requestID`, nil as an older pixterm saved it) and, for async, the task's id.
    @discardableResult
    func save(
        _ fixture: GalleryFixture, _ prompt: String, index: Int, n: Int, requestID: String?, taskID: String? = nil, created: Date
    ) throws -> GalleryEntry {
        let request = ImageRequest(model: "gpt-image-2", prompt: prompt, size: .auto, quality: .low, n: n)
        let record = ResultRecord(
            request: request, index: index, mode: taskID == nil ? .sync : .async, taskID: taskID, revisedPrompt: nil, creditsPerImage: 12,
            requestCost: 12 * n, created: created, requestID: requestID
        )
        return try fixture.store.save(imageAt: try fixture.stagedImage(), record: record)
    }

    @Test func aRequestsImagesComeTogetherInTheirOrderAndNoOthers() throws {
        let fixture = try GalleryFixture()
        // Saved out of order and interleaved with another request of the same prompt.
        for index in [2, 0, 3, 1] { try save(fixture, "owls", index: index, n: 4, requestID: "entry-a", created: day(Double(3 - index))) }
        try save(fixture, "owls", index: 0, n: 2, requestID: "entry-b", created: day(1))
        try save(fixture, "owls", index: 1, n: 2, requestID: "entry-b", created: day(1))

        let images = try fixture.store.images(ofRequest: "entry-a")
        #expect(images.count == 4)
        #expect(images.map { $0.imageIndex } == [0, 1, 2, 3])
        #expect(try fixture.store.images(ofRequest: "entry-b").count == 2)
        #expect(try fixture.store.images(ofRequest: "entry-c").isEmpty)

        let third = try #require(images.last)
        let found = try fixture.store.requestImages(of: third)
        #expect(found.grouping == .request)
        #expect(found.entries.map(\.id) == images.map(\.id))
        #expect(found.entries.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
    }

    /// Sidecars written before requests had ids: an async one is grouped by its task, a sync one
    /// stands alone.
    @Test func olderSidecarsFallBackToTheTaskOrStandAlone() throws {
        let fixture = try GalleryFixture()
        for index in [1, 0, 2] { try save(fixture, "bridges", index: index, n: 3, requestID: nil, taskID: "task-9", created: day(2)) }
        try save(fixture, "bridges", index: 0, n: 1, requestID: nil, taskID: "task-10", created: day(2))
        let sync = try save(fixture, "rivers", index: 1, n: 2, requestID: nil, created: day(3))
        try save(fixture, "rivers", index: 0, n: 2, requestID: nil, created: day(3))

        let listed = try fixture.store.page(GalleryQuery(text: "bridges"), limit: 10).entries
        let byTask = try fixture.store.requestImages(of: try #require(listed.first { $0.taskID == "task-9" }))
        #expect(byTask.grouping == .task)
        #expect(byTask.entries.map(\.imageIndex) == [0, 1, 2])
        #expect(byTask.entries.allSatisfy { $0.taskID == "task-9" })

        let alone = try fixture.store.requestImages(of: sync)
        #expect(alone.grouping == .alone)
        #expect(alone.entries.map(\.id) == [sync.id])
    }

    /// A job knows the paths it saved: the first one still in the gallery finds the request,
    /// even after the others were deleted; none left is nil.
    @Test func aJobsSavedPathsFindItsRequestWhileOneIsLeft() throws {
        let fixture = try GalleryFixture()
        let saved = try (0..<3).map { try save(fixture, "foxes", index: $0, n: 3, requestID: "entry-f", created: day(1)) }
        try fixture.store.remove(saved[0].id)

        let found = try #require(try fixture.store.requestImages(ofAnyOf: saved.map(\.url.path)))
        #expect(found.entries.map(\.id) == [saved[1].id, saved[2].id])
        try fixture.store.remove(saved[1].id)
        try fixture.store.remove(saved[2].id)
        #expect(try fixture.store.requestImages(ofAnyOf: saved.map(\.url.path)) == nil)
    }
}
