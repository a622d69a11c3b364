import Foundation
@testable import Gallery
import GRDB
import PixapiKit
import Testing

/// The index row is `GalleryEntry` itself, a GRDB record: its coding keys are the `image`
/// table's columns, so a column added on one side only fails here, not as a gallery that lists
/// nothing.
@Suite struct IndexRecordTests {
    @Test func theImageTableHasExactlyTheEntrysCodingKeysAsColumns() throws {
        let fixture = try GalleryFixture()
        let columns = try fixture.store.index.pool.read { db in try db.columns(in: "image").map(\.name) }
        #expect(Set(columns) == Set(GalleryEntry.CodingKeys.allCases.map(\.stringValue) + ["rowid"]))
    }

    @Test func aSavedEntryIsStoredAsTheIndexQueriesExpectAndReadsBackEqual() throws {
        let fixture = try GalleryFixture()
        let saved = try fixture.save("a red fox", created: day(2), credits: 7, index: 1, taskID: "task-9")
        let row = try #require(try fixture.store.index.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM image") })
        #expect(row["path"] as String == saved.relativePath, "relative to the gallery, which may be reached by another path next time")
        #expect(row["folder"] as String == GalleryStore.folder(of: saved.relativePath))
        #expect(row["credits"] as Int? == 7)
        #expect(row["created"] as Double == day(2).timeIntervalSince1970, "seconds since 1970: stats() groups them with 'unixepoch'")
        #expect(row["taskID"] as String? == "task-9" && row["imageIndex"] as Int? == 1)
        #expect(row["searchText"] as String == SearchText.indexed("a red fox"))
        let request = try JSONDecoder().decode(ImageRequest.self, from: Data((row["request"] as String).utf8))
        #expect(request == saved.request)
        #expect(try fixture.store.entry(matching: saved.id) == saved, "read back equal to what save returned, url included")
    }
}
