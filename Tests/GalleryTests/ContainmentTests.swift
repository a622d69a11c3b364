import Foundation
@testable import Gallery
import TestSupport
import Testing

/// The gallery never reaches outside its folder through a link, never loops, and never waits on
/// a FIFO named like an image.
@Suite struct ContainmentTests {
    /// A folder outside the gallery with things a scan through a link would have touched: an old
    /// temp file and an old orphan sidecar (which clean-up once deleted) and an image with its
    /// sidecar (which a scan would have listed).
    struct Outside {
        private let temporary: TemporaryDirectory
        var folder: URL { temporary.url }
        let files = [AtomicFile.temporaryPrefix + "x", "010101-gone-0000-0.png.json", "outside.png", "outside.png.json"]

        init() throws {
            temporary = try TemporaryDirectory("pixterm-outside")
            for name in files.prefix(2) { try Data("{}".utf8).write(to: folder.appendingPathComponent(name)) }
            try GalleryFixture.imageData(width: 4, height: 4, format: .png).write(to: folder.appendingPathComponent("outside.png"))
            let sidecar = #"{"id": "outside-0", "prompt": "from outside", "created": "2026-01-01T00:00:00Z"}"#
            try Data(sidecar.utf8).write(to: folder.appendingPathComponent("outside.png.json"))
            for name in files { try GalleryFixture.setModified(folder.appendingPathComponent(name), Date().addingTimeInterval(-30 * 86_400)) }
        }

        func remove() { temporary.remove() }

        var survivors: [String] { files.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) } }
    }

    @Test func aLinkedFolderIsNotFollowedAndNothingOutsideIsTouched() throws {
        let fixture = try GalleryFixture()
        let outside = try Outside()
        defer { outside.remove() }
        try fixture.save("inside", created: day(1))
        let link = fixture.folder.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.folder)

        let problems = try fixture.store.rebuild()
        #expect(outside.survivors == outside.files, "a rebuild deletes nothing outside the gallery")
        #expect(try fixture.store.page(limit: 10).entries.map(\.prompt) == ["inside"])
        #expect(problems.contains { $0.path == link.path && $0.reason.contains("symbolic link; not followed") })

        // The same through refresh, and through a staging folder replaced by a link.
        try FileManager.default.removeItem(at: fixture.store.stagingDirectory())
        try FileManager.default.createSymbolicLink(at: fixture.folder.appendingPathComponent(".pixterm/staging"), withDestinationURL: outside.folder)
        try fixture.store.refresh()
        _ = try GalleryStore(folder: fixture.folder)
        #expect(outside.survivors == outside.files, "clean-up never goes through a link")
        #expect(try fixture.store.page(limit: 10).total == 1)
    }

    @Test func aLinkToItsOwnFolderCountsEveryImageOnce() throws {
        let fixture = try GalleryFixture()
        try fixture.save("one", created: day(1))
        try fixture.save("two", created: day(2))
        try FileManager.default.createSymbolicLink(
            at: fixture.folder.appendingPathComponent("loop"), withDestinationURL: URL(fileURLWithPath: ".")
        )
        try fixture.store.refresh()
        #expect(try fixture.store.page(limit: 100).total == 2)
        try fixture.store.rebuild()
        #expect(try fixture.store.page(limit: 100).total == 2)
        #expect(try fixture.store.stats().totalImages == 2)
    }

    @Test func aLinkedImageFileIsSkippedWithANote() throws {
        let fixture = try GalleryFixture()
        let outside = try Outside()
        defer { outside.remove() }
        let link = fixture.folder.appendingPathComponent("imports/borrowed.png")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.folder.appendingPathComponent("outside.png"))
        let problems = try fixture.store.rebuild()
        #expect(try fixture.store.page(limit: 10).total == 0)
        #expect(problems.map(\.path) == [link.path])
    }

    @Test func aFIFONamedLikeAnImageOrASidecarIsSkippedWithoutWaiting() throws {
        let fixture = try GalleryFixture()
        let kept = try fixture.save("kept", created: day(1))
        let folder = kept.url.deletingLastPathComponent()
        let fifoImage = folder.appendingPathComponent("evil.png")
        #expect(mkfifo(fifoImage.path, 0o644) == 0)
        // A real image whose sidecar is a FIFO.
        let image = folder.appendingPathComponent("plain.png")
        try GalleryFixture.imageData(width: 3, height: 2, format: .png).write(to: image)
        let fifoSidecar = GalleryLayout.sidecarURL(for: image)
        #expect(mkfifo(fifoSidecar.path, 0o644) == 0)

        let problems = try Self.withinSeconds(20, unblocking: [fifoImage, fifoSidecar]) { try fixture.store.rebuild() }
        #expect(problems.contains { $0.path == fifoImage.path && $0.reason.contains("FIFO") })
        #expect(problems.contains { $0.path == fifoSidecar.path && $0.reason.contains("not a regular file") })
        #expect(Set(try fixture.store.page(limit: 10).entries.map(\.relativePath)) == [kept.relativePath, "\(kept.relativePath.split(separator: "/").dropLast().joined(separator: "/"))/plain.png"])
        _ = try Self.withinSeconds(20, unblocking: [fifoImage, fifoSidecar]) { try GalleryStore(folder: fixture.folder).refresh() }
        #expect(fixture.store.sidecar(for: try #require(try fixture.store.entry(matching: kept.id))) != nil)
    }

    @Test func savingThroughALinkedDateFolderIsRefused() throws {
        let fixture = try GalleryFixture()
        let outside = try Outside()
        defer { outside.remove() }
        let year = Calendar(identifier: .gregorian).component(.year, from: day(1))
        try FileManager.default.createSymbolicLink(at: fixture.folder.appendingPathComponent("\(year)"), withDestinationURL: outside.folder)
        #expect(throws: GalleryError.self) { try fixture.save("escapes?", created: day(1)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path).sorted() == outside.files.sorted())
    }

    /// Runs `body` on a thread of its own and fails the test if it takes longer than `seconds`
    /// (a scan blocked opening a FIFO); opening the FIFOs for writing then releases it.
    static func withinSeconds<T: Sendable>(_ seconds: Double, unblocking fifos: [URL], _ body: @escaping @Sendable () throws -> T) throws -> T {
        let work = ThreadedWork(body)
        if let outcome = work.outcome(within: seconds) { return try outcome.get() }
        Issue.record("still running after \(seconds) s: blocked on a FIFO")
        for fifo in fifos {
            let writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        return try work.outcome().get()
    }
}
