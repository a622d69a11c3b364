import Foundation
@testable import Gallery
import Testing

/// Every rename or removal that commits a save is followed by an `fsync` of the folder it
/// changed, so a power loss cannot take back a saved image's directory entry.
@Suite struct DurabilityTests {
    /// The folders flushed while `body` runs, in order.
    static func flushedFolders(_ body: () throws -> Void) rethrows -> [String] {
        let recorder = FolderRecorder()
        try DirectorySync.$observer.withValue({ recorder.add($0) }) { try body() }
        return recorder.paths
    }

    @Test func syncOpensAndFlushesARealFolderOnly() throws {
        let fixture = try GalleryFixture()
        #expect(Self.flushedFolders { DirectorySync.sync(fixture.folder) } == [fixture.folder.path])
        #expect(Self.flushedFolders { DirectorySync.sync(fixture.folder.appendingPathComponent("missing")) }.isEmpty)
    }

    @Test func aSaveFlushesTheImageFolderAndEveryNewFolderAboveIt() throws {
        let fixture = try GalleryFixture()
        var entry: GalleryEntry?
        let flushed = try Self.flushedFolders { entry = try fixture.save("durable", created: day(1)) }
        let saved = try #require(entry)
        let dayFolder = saved.url.deletingLastPathComponent()
        let month = dayFolder.deletingLastPathComponent(), year = month.deletingLastPathComponent()
        // New year, month and day folders are flushed in their parents; then the sidecar's and
        // the image's renames in the day folder.
        let staging = try fixture.store.stagingDirectory()
        #expect(flushed == [fixture.folder.path, year.path, month.path, dayFolder.path, dayFolder.path, staging.path])
    }

    @Test func trashMovesFlushBothFolders() throws {
        let fixture = try GalleryFixture()
        let saved = try fixture.save("to the trash", created: day(1))
        let folder = saved.url.deletingLastPathComponent().path
        let trashFolder = fixture.folder.appendingPathComponent(".trash/" + GalleryStore.folder(of: saved.relativePath)).path
        let removal = try Self.flushedFolders { try fixture.store.remove(saved.id) }
        #expect(removal.filter { $0 == trashFolder }.count == 2 && removal.filter { $0 == folder }.count == 2, "sidecar and image: \(removal)")
        let restoring = try Self.flushedFolders { try fixture.store.restore(saved.id) }
        #expect(restoring.filter { $0 == trashFolder }.count == 2 && restoring.filter { $0 == folder }.count == 2, "\(restoring)")
    }

    @Test func replacingADamagedIndexFlushesItsFolder() throws {
        let fixture = try GalleryFixture()
        try fixture.save("survives", created: day(1))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: fixture.indexURL.path + suffix) }
        try Data(repeating: 0x41, count: 4096).write(to: fixture.indexURL)
        let flushed = try Self.flushedFolders { _ = try GalleryStore(folder: fixture.folder) }
        #expect(flushed.contains(fixture.folder.appendingPathComponent(".pixterm").path))
    }
}

/// Collects flushed folders from whichever thread flushes them.
final class FolderRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func add(_ url: URL) { lock.withLock { recorded.append(url.standardizedFileURL.path) } }
    var paths: [String] { lock.withLock { recorded } }
}
