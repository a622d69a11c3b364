import Foundation
@testable import Gallery
import PixapiKit
import Testing

@Suite struct LineageTests {
    @Test func anEditKnowsItsParentAndTheParentItsEditsNewestFirst() throws {
        let fixture = try GalleryFixture()
        let fox = try fixture.save("a red fox", created: day(1))
        let night = try fixture.saveEdit("make it night", of: [fox.url.path], created: day(2))
        let snow = try fixture.saveEdit("add snow", of: [fox.url.path], created: day(3))
        let unrelated = try fixture.save("a lighthouse", created: day(4))

        #expect(try fixture.store.parent(of: night)?.id == fox.id)
        #expect(try fixture.store.parent(of: fox) == nil)
        #expect(try fixture.store.children(of: fox).map(\.id) == [snow.id, night.id])
        #expect(try fixture.store.childCount(of: fox) == 2)
        #expect(try fixture.store.childCount(of: unrelated) == 0)

        let lineage = try fixture.store.lineage(of: night)
        #expect(lineage.parent?.url == fox.url, "the parent is located in this gallery's folder")
        #expect(lineage.children.isEmpty && lineage.childCount == 0)
        #expect(lineage.siblings.map(\.id) == [snow.id, night.id])
        #expect(try fixture.store.lineage(of: fox).siblings.isEmpty)
    }

    @Test func onlyTheFirstSourceInsideTheGalleryIsTheParent() throws {
        let fixture = try GalleryFixture()
        let fox = try fixture.save("a red fox", created: day(1))
        let owl = try fixture.save("an owl", created: day(2))
        let both = try fixture.saveEdit("put them together", of: [owl.url.path, fox.url.path], created: day(3))
        let outside = try fixture.saveEdit("from a file elsewhere", of: ["/elsewhere/photo.png"], created: day(4))

        #expect(try fixture.store.parent(of: both)?.id == owl.id)
        #expect(try fixture.store.childCount(of: fox) == 0)
        #expect(outside.source == nil)
        #expect(try fixture.store.parent(of: outside) == nil)
    }

    @Test func aParentMovedToTheTrashIsGoneButItsEditStillNamesIt() throws {
        let fixture = try GalleryFixture()
        let fox = try fixture.save("a red fox", created: day(1))
        let night = try fixture.saveEdit("make it night", of: [fox.url.path], created: day(2))
        try fixture.store.remove(fox.id)

        #expect(try fixture.store.parent(of: night) == nil)
        #expect(night.source == fox.relativePath)
    }

    @Test func positionCountsTheImagesAheadInEveryOrder() throws {
        let fixture = try GalleryFixture()
        var saved: [GalleryEntry] = []
        for (offset, credits) in [12, 40, nil, 12, 67, nil, 40].enumerated() {
            saved.append(try fixture.save("picture \(offset) fox", created: day(Double(offset)), credits: credits))
        }
        // The images of one request share their time: they count as level, not ahead.
        let twins = try fixture.save("picture twins fox", created: day(9), credits: 5)
        let twin = try fixture.save("picture twins fox", created: day(9), credits: 5, index: 1)
        let queries = GalleryQuery.Sort.allCases.flatMap { sort in
            [GalleryQuery(sort: sort), GalleryQuery(text: "fox", sort: sort), GalleryQuery(since: day(2), sort: sort), GalleryQuery(minCredits: 12, sort: sort)]
        }
        for query in queries {
            let listed = try fixture.store.page(query, limit: 100).entries.map(\.id)
            for entry in saved + [twins, twin] {
                guard let index = listed.firstIndex(of: entry.id) else { continue }
                let position = try fixture.store.position(of: entry, in: query)
                let level = entry.id == twins.id || entry.id == twin.id ? 1 : 0
                #expect((position...position + level).contains(index), "\(query.sort) \(entry.prompt): \(position) vs \(index)")
            }
        }
    }

    @Test func locateFindsAnImageFarFromThePageAndClearsAFilterThatHidesIt() throws {
        let fixture = try GalleryFixture()
        let fox = try fixture.save("a red fox", created: day(1))
        for offset in 0..<30 { try fixture.save("lighthouse number \(offset)", created: day(2 + Double(offset))) }
        let night = try fixture.saveEdit("make it night", of: [fox.url.path], created: day(40))

        let everything = try fixture.store.locate(fox, in: GalleryQuery(), limit: 8)
        #expect(everything.index == 31 && everything.total == 32 && everything.query == GalleryQuery())
        #expect(everything.items.count <= 8 && everything.items.indices.contains(31 - everything.offset))
        #expect(everything.items[31 - everything.offset].id == fox.id)

        let oldest = try fixture.store.locate(fox, in: GalleryQuery(sort: .oldest), limit: 8)
        #expect(oldest.index == 0 && oldest.offset == 0)

        // "make" hides the fox: it is found among all images, in the same order.
        let hidden = try fixture.store.locate(fox, in: GalleryQuery(text: "make", sort: .oldest), limit: 8)
        #expect(hidden.index == 0 && hidden.query == GalleryQuery(sort: .oldest) && hidden.total == 32)
        let shown = try fixture.store.locate(night, in: GalleryQuery(text: "make"), limit: 8)
        #expect(shown.index == 0 && shown.query == GalleryQuery(text: "make") && shown.total == 1)

        try fixture.store.remove(fox.id)
        #expect(try fixture.store.locate(fox, in: GalleryQuery(), limit: 8).index == nil)
    }
}

extension GalleryFixture {
    /// Saves an edit of the images at `sources`, as the job runner does.
    @discardableResult
    func saveEdit(_ instruction: String, of sources: [String], created: Date) throws -> GalleryEntry {
        let request = ImageRequest(operation: .edit, model: "gpt-image-2", prompt: instruction, images: sources)
        let record = ResultRecord(
            request: request, index: 0, mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: 14, requestCost: 14, created: created
        )
        return try store.save(imageAt: try stagedImage(), record: record)
    }
}
