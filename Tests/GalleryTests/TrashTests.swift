import Foundation
@testable import Gallery
import Testing

@Suite struct TrashTests {
    @Test func removeMovesToTrashAndRestorePutsItBack() throws {
        let fixture = try GalleryFixture()
        let entry = try fixture.save("trash me", created: day(1))
        try fixture.save("stay", created: day(2))

        let removed = try fixture.store.remove(entry.id)
        #expect(removed == entry)
        #expect(!FileManager.default.fileExists(atPath: entry.url.path))
        let trashed = fixture.folder.appendingPathComponent(".trash/" + entry.relativePath)
        #expect(FileManager.default.fileExists(atPath: trashed.path))
        #expect(FileManager.default.fileExists(atPath: GalleryLayout.sidecarURL(for: trashed).path))
        #expect(try fixture.store.page(limit: 10).entries.map(\.prompt) == ["stay"])
        #expect(fixture.store.trashed().map(\.id) == [entry.id])
        // A refresh or rebuild does not bring it back: the trash is not scanned.
        try fixture.store.rebuild()
        #expect(try fixture.store.page(limit: 10).total == 1)

        let restored = try fixture.store.restore(entry.id)
        #expect(restored.id == entry.id && restored.relativePath == entry.relativePath && restored.prompt == "trash me")
        #expect(FileManager.default.fileExists(atPath: entry.url.path))
        #expect(fixture.store.trashed().isEmpty)
        #expect(try fixture.store.page(limit: 10).total == 2)
    }

    @Test func unknownIDsAreReportedWithWhatToDo() throws {
        let fixture = try GalleryFixture()
        #expect(throws: GalleryError.self) { try fixture.store.remove("missing") }
        do {
            try fixture.store.restore("missing")
            Issue.record("restore of an unknown id succeeded")
        } catch {
            #expect(error.message.contains("pixterm gallery list"))
        }
    }

    @Test func restoreRefusesToOverwrite() throws {
        let fixture = try GalleryFixture()
        let entry = try fixture.save("twice", created: day(1))
        try fixture.store.remove(entry.id)
        try GalleryFixture.imageData(width: 3, height: 3, format: .png).write(to: entry.url)
        #expect(throws: GalleryError.self) { try fixture.store.restore(entry.id) }
        #expect(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent(".trash/" + entry.relativePath).path))
    }
}
