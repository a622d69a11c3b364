import Foundation
@testable import Gallery
import GRDB
import Testing

@Suite struct ScanTests {
    @Test func rebuildAfterDeletingTheIndexLosesNothing() throws {
        var fixture: GalleryFixture? = try GalleryFixture()
        let folder = fixture!.folder
        var saved: [GalleryEntry] = []
        for offset in 0..<12 { saved.append(try fixture!.save("image \(offset) 狐", model: offset.isMultiple(of: 2) ? "gpt-image-2" : "gpt-image-1", created: day(Double(offset)))) }
        let before = try fixture!.store.page(limit: 100).entries
        let statsBefore = try fixture!.store.stats()
        let indexURL = fixture!.indexURL
        // Keep the folder: a second store on it after the index files are gone.
        let keep = folder.appendingPathComponent("../kept-\(UUID().uuidString.prefix(6))").standardizedFileURL
        try FileManager.default.moveItem(at: folder, to: keep)
        fixture = nil
        defer { try? FileManager.default.removeItem(at: keep) }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: keep.appendingPathComponent(".pixterm/index.sqlite").path + suffix) }
        #expect(!FileManager.default.fileExists(atPath: keep.appendingPathComponent(indexURL.lastPathComponent).path))

        let reopened = try GalleryStore(folder: keep)
        let after = try reopened.page(limit: 100).entries
        #expect(after.map(\.id) == before.map(\.id))
        #expect(after.map(\.relativePath) == before.map(\.relativePath))
        #expect(after.map(\.prompt) == before.map(\.prompt))
        #expect(after.map(\.model) == before.map(\.model))
        #expect(after.map(\.request) == before.map(\.request))
        #expect(try reopened.page(GalleryQuery(text: "狐"), limit: 100).total == 12)
        #expect(try reopened.stats() == statsBefore)
        #expect(saved.count == after.count)
    }

    @Test func anImageWithoutSidecarIsListedWithSizeFormatAndTime() throws {
        let fixture = try GalleryFixture()
        let dropped = fixture.folder.appendingPathComponent("imports/holiday.jpg")
        try FileManager.default.createDirectory(at: dropped.deletingLastPathComponent(), withIntermediateDirectories: true)
        try GalleryFixture.imageData(width: 12, height: 9, format: .jpeg).write(to: dropped)
        try GalleryFixture.setModified(dropped, day(2))

        #expect(try fixture.store.refresh().isEmpty)
        let entry = try #require(try fixture.store.entry(matching: "imports/holiday.jpg"))
        #expect(entry.size == "12x9")
        #expect(entry.format == "jpeg")
        #expect(entry.created == day(2))
        #expect(!entry.hasSidecar && entry.prompt.isEmpty && entry.model == nil)
        // The id is derived from the path, so it survives a rebuild.
        try fixture.store.rebuild()
        #expect(try fixture.store.entry(matching: "imports/holiday.jpg")?.id == entry.id)
    }

    @Test func aCorruptSidecarIsAProblemNotAFailure() throws {
        let fixture = try GalleryFixture()
        let good = try fixture.save("good one", created: day(1))
        let bad = try fixture.save("bad one", created: day(2))
        try Data("{\"id\": 12, oops".utf8).write(to: GalleryLayout.sidecarURL(for: bad.url))
        let junk = fixture.folder.appendingPathComponent("junk.png")
        try Data("not a png".utf8).write(to: junk)

        let problems = try fixture.store.rebuild()
        #expect(problems.count == 2)
        #expect(problems.contains { $0.path.hasSuffix(bad.relativePath + ".json") && $0.reason.contains("unreadable sidecar") })
        #expect(problems.contains { $0.path.hasSuffix("junk.png") && $0.reason.contains("skipped") })
        let entries = try fixture.store.page(limit: 10).entries
        #expect(entries.count == 2)
        #expect(entries.contains(good))
        #expect(entries.contains { $0.relativePath == bad.relativePath && !$0.hasSidecar && $0.size == "8x6" })
    }

    @Test func refreshNoticesAddedAndRemovedFiles() throws {
        let fixture = try GalleryFixture()
        let other = try GalleryFixture()
        let kept = try fixture.save("kept", created: day(1))
        let removed = try fixture.save("removed", created: day(1))
        // An image and sidecar written by something else, in a folder the index does not know.
        let foreign = try other.save("arrived later", created: day(30))
        let target = fixture.folder.appendingPathComponent(foreign.relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: foreign.url, to: target)
        try FileManager.default.copyItem(at: GalleryLayout.sidecarURL(for: foreign.url), to: GalleryLayout.sidecarURL(for: target))
        try FileManager.default.removeItem(at: removed.url)

        #expect(try fixture.store.page(limit: 10).total == 2, "nothing changes before refresh")
        try fixture.store.refresh()
        let prompts = try fixture.store.page(limit: 10).entries.map(\.prompt)
        #expect(prompts == ["arrived later", "kept"])
        #expect(try fixture.store.entry(matching: kept.id) == kept)

        // A whole folder removed takes its images with it.
        try FileManager.default.removeItem(at: target.deletingLastPathComponent().deletingLastPathComponent())
        try fixture.store.refresh()
        #expect(try fixture.store.page(limit: 10).entries.map(\.prompt) == ["kept"])
    }

    @Test func refreshSkipsUnchangedFolders() throws {
        let fixture = try GalleryFixture()
        let entry = try fixture.save("stable", created: day(1))
        try fixture.store.refresh()
        // A sidecar edited in place does not change its folder: refresh is a no-op until rebuild.
        var sidecar = try Sidecar.decoder.decode(Sidecar.self, from: Data(contentsOf: GalleryLayout.sidecarURL(for: entry.url)))
        sidecar.prompt = "edited"
        try Sidecar.encoder.encode(sidecar).write(to: GalleryLayout.sidecarURL(for: entry.url))
        try fixture.store.refresh()
        #expect(try fixture.store.entry(matching: entry.id)?.prompt == "stable")
        try fixture.store.rebuild()
        #expect(try fixture.store.entry(matching: entry.id)?.prompt == "edited")
    }

    /// Copies `entry`'s image and sidecar beside it under a new name, then puts the folder's
    /// modification time back exactly as it was: a file added in the same tick of the
    /// filesystem's clock as the last scan.
    func addWithinTheSameTick(besides entry: GalleryEntry) throws -> String {
        let folder = entry.url.deletingLastPathComponent()
        var before = stat()
        stat(folder.path, &before)
        let copy = folder.appendingPathComponent("235959-same-tick-0000-0.png")
        try FileManager.default.copyItem(at: entry.url, to: copy)
        var sidecar = try Sidecar.decoder.decode(Sidecar.self, from: Data(contentsOf: GalleryLayout.sidecarURL(for: entry.url)))
        sidecar.id = "copy-of-" + entry.id
        try Sidecar.encoder.encode(sidecar).write(to: GalleryLayout.sidecarURL(for: copy))
        let times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, folder.path, times, 0) == 0)
        return sidecar.id
    }

    @Test func aFolderChangedJustBeforeAScanIsLookedAtAgainButASettledOneIsSkipped() throws {
        let fixture = try GalleryFixture()
        let recent = try fixture.save("saved just now", created: day(1))
        try fixture.store.rebuild()
        let sameTick = try addWithinTheSameTick(besides: recent)
        try fixture.store.refresh()
        #expect(try fixture.store.entry(matching: sameTick) != nil, "a folder modified moments before the scan is unsettled")

        // Once a folder's time is old enough to be trusted, an unchanged time means no new files:
        // refresh does not list it again (what keeps it cheap on a large gallery).
        let settled = try fixture.save("saved long ago", created: day(5))
        try GalleryFixture.setModified(settled.url.deletingLastPathComponent(), Date().addingTimeInterval(-60))
        try fixture.store.refresh()
        let unseen = try addWithinTheSameTick(besides: settled)
        try fixture.store.refresh()
        #expect(try fixture.store.entry(matching: unseen) == nil)
        try fixture.store.rebuild()
        #expect(try fixture.store.entry(matching: unseen) != nil)
    }

    @Test func aCopiedImageWithItsSidecarIsListedTwice() throws {
        let fixture = try GalleryFixture()
        let original = try fixture.save("copied", created: day(1))
        let copy = fixture.folder.appendingPathComponent("copies/copy.png")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original.url, to: copy)
        try FileManager.default.copyItem(at: GalleryLayout.sidecarURL(for: original.url), to: GalleryLayout.sidecarURL(for: copy))
        try fixture.store.rebuild()
        let entries = try fixture.store.page(GalleryQuery(text: "copied"), limit: 10).entries
        #expect(Set(entries.map(\.relativePath)) == [original.relativePath, "copies/copy.png"])
        #expect(Set(entries.map(\.id)).count == 2)
    }

    /// Clean-up happens only in `.pixterm/staging`, where a killed save leaves its temp files:
    /// the image folders are the user's, so a scan deletes nothing there (an orphan sidecar stays,
    /// ignored by the index).
    @Test func leftoversOfAKilledSaveAreCleanedOnlyWhenOldAndOnlyInStaging() throws {
        let fixture = try GalleryFixture()
        let entry = try fixture.save("present", created: day(1))
        let folder = entry.url.deletingLastPathComponent()
        let staging = try fixture.store.stagingDirectory()
        let orphan = folder.appendingPathComponent("010101-gone-0000-0.png.json")
        let oldTempInFolder = folder.appendingPathComponent(AtomicFile.temporaryPrefix + "old")
        let tempOld = staging.appendingPathComponent(AtomicFile.temporaryPrefix + "old")
        let tempNew = staging.appendingPathComponent(AtomicFile.temporaryPrefix + "new")
        for file in [orphan, oldTempInFolder, tempOld, tempNew] { try Data("{}".utf8).write(to: file) }
        for file in [orphan, oldTempInFolder, tempOld] {
            try GalleryFixture.setModified(file, Date().addingTimeInterval(-2 * GalleryStore.stagedLeftoverAge))
        }

        try fixture.store.rebuild()
        _ = try GalleryStore(folder: fixture.folder)
        #expect(!FileManager.default.fileExists(atPath: tempOld.path))
        #expect(FileManager.default.fileExists(atPath: tempNew.path), "another process may be saving")
        #expect(FileManager.default.fileExists(atPath: orphan.path) && FileManager.default.fileExists(atPath: oldTempInFolder.path))
        #expect(try fixture.store.page(limit: 10).total == 1)
        #expect(FileManager.default.fileExists(atPath: GalleryLayout.sidecarURL(for: entry.url).path))
    }

    @Test func aDamagedIndexIsReplacedAndRefilled() throws {
        let fixture = try GalleryFixture()
        try fixture.save("survives", created: day(1))
        let folder = fixture.folder
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fixture.indexURL.path + suffix) }
        try Data(repeating: 0x41, count: 4096).write(to: fixture.indexURL)
        let reopened = try GalleryStore(folder: folder)
        #expect(try reopened.page(limit: 10).entries.map(\.prompt) == ["survives"])
    }

    @Test func anIndexFromAnotherSchemaIsErasedAndRefilled() throws {
        let fixture = try GalleryFixture()
        try fixture.save("kept across versions", created: day(1))
        // Pretend an older pixterm made the index: an unknown migration and an empty table.
        let queue = try DatabaseQueue(path: fixture.indexURL.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1')")
            try db.execute(sql: "DELETE FROM image")
        }
        try queue.close()
        let reopened = try GalleryStore(folder: fixture.folder)
        #expect(try reopened.page(GalleryQuery(text: "versions"), limit: 10).total == 1)
    }
}
