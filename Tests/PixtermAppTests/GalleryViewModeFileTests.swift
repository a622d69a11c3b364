import Foundation
import PixtermCore
import TestSupport
import Testing
@testable import PixtermApp

/// The gallery's list-or-grid choice on disk: written by the interpreter when `g` asks, read at
/// start; a missing or garbled file means the list.
@Suite struct GalleryViewModeFileTests {
    @Test func theInterpreterSavesTheChoiceWhereTheNextRunReadsIt() async throws {
        try await InterpreterHarness.with { harness in
            let file = GalleryViewModeFile.url(harness.settings.paths)
            #expect(file.deletingLastPathComponent() == harness.settings.paths.historyFile.deletingLastPathComponent())
            #expect(GalleryViewModeFile.load(from: file) == .list, "nothing saved yet")
            let interpreter = harness.live()
            let log = ActionLog()
            interpreter.perform(.saveGalleryViewMode(.grid), session: RecordedSession(), send: log.send)
            try await waitUntil("the grid to be saved") { GalleryViewModeFile.load(from: file) == .grid }
            interpreter.perform(.saveGalleryViewMode(.list), session: RecordedSession(), send: log.send)
            try await waitUntil("the list to be saved") { (try? String(contentsOf: file, encoding: .utf8)) == "list\n" }
            #expect(GalleryViewModeFile.load(from: file) == .list)
            #expect(log.all.isEmpty, "saving reports nothing when it works")
        }
    }

    @Test func aGarbledFileMeansTheList() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = URL(fileURLWithPath: dir.path("gallery-view"))
        try Data("grid\n".utf8).write(to: file)
        #expect(GalleryViewModeFile.load(from: file) == .grid)
        try Data("mosaic\n".utf8).write(to: file)
        #expect(GalleryViewModeFile.load(from: file) == .list)
        try Data([0xFF, 0xFE, 0x00]).write(to: file)
        #expect(GalleryViewModeFile.load(from: file) == .list)
    }
}
