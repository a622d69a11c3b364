import Foundation
@testable import Gallery
import PixapiKit
import Testing

/// A gallery that cannot be written (a read-only mount, someone else's folder, a full disk) is
/// still listed, searched and shown.
///
/// Tests run as root here, where permission bits stop nothing, so the folder is made truly
/// unwritable with the immutable attribute (`chattr +i`): not even root can then create, change
/// or delete anything in it. Where `chattr` is not available (not root, or a filesystem without
/// the attribute) the test says so and checks nothing.
@Suite(.serialized) struct ReadOnlyGalleryTests {
    /// A gallery folder with two saved images and its index written and closed.
    static func writtenGallery(withIndex: Bool = true) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pixterm-readonly-\(UUID().uuidString.prefix(8))")
        do {
            let store = try GalleryStore(folder: folder)
            for (offset, prompt) in ["a red fox", "a lighthouse at dusk"].enumerated() {
                let request = Self.request(prompt)
                try store.save(
                    imageAt: try GalleryFixture.staged(in: store),
                    record: ResultRecord(
                        request: request, index: 0, mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: 5, requestCost: 5,
                        created: day(Double(offset))
                    )
                )
            }
        }
        if !withIndex {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: folder.path + "/.pixterm/index.sqlite" + suffix) }
        }
        return folder
    }

    static func request(_ prompt: String) -> ImageRequest {
        ImageRequest(model: "gpt-image-2", prompt: prompt, size: .auto, quality: .low, n: 1)
    }

    /// Runs `chattr` on the whole tree; false when it is not possible here.
    static func immutable(_ folder: URL, _ on: Bool) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = ["-R", on ? "+i" : "-i", folder.path]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Whether the tree really refuses writes, even to this process.
    static func refusesWrites(_ folder: URL) -> Bool {
        let probe = open(folder.appendingPathComponent(".pixterm/probe").path, O_WRONLY | O_CREAT, 0o644)
        if probe >= 0 { close(probe) }
        return probe < 0
    }

    /// Runs `body` with `folder` made immutable, then removes it; says so and runs nothing where
    /// that is not possible.
    static func withImmutable(_ folder: URL, _ body: () throws -> Void) rethrows {
        defer {
            _ = immutable(folder, false)
            try? FileManager.default.removeItem(at: folder)
        }
        guard immutable(folder, true), refusesWrites(folder) else {
            print("ReadOnlyGalleryTests: chattr +i is not available here; the read-only gallery is not tested")
            return
        }
        try body()
    }

    @Test func aReadOnlyGalleryIsListedSearchedAndShownFromItsIndex() throws {
        let folder = try Self.writtenGallery()
        try Self.withImmutable(folder) {
            let store = try GalleryStore(folder: folder)
            #expect(try store.page(limit: 10).entries.map(\.prompt) == ["a lighthouse at dusk", "a red fox"])
            #expect(try store.refresh().isEmpty)
            #expect(try store.page(GalleryQuery(text: "fox"), limit: 10).total == 1)
            let entry = try #require(try store.entry(matching: try store.page(limit: 1).entries[0].id))
            #expect(store.sidecar(for: entry)?.prompt == "a lighthouse at dusk")
            #expect(try store.stats().totalImages == 2)
            let notice = try #require(store.indexNotice)
            #expect(notice.contains("cannot be written") && notice.contains("showing it as last saved"), "\(notice)")
            let record = ResultRecord(
                request: Self.request("x"), index: 0, mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: nil, requestCost: nil,
                created: day(3)
            )
            #expect(throws: GalleryError.self) { try store.save(imageAt: folder.appendingPathComponent("x.png"), record: record) }
        }
    }

    @Test func aReadOnlyGalleryWithoutAnIndexIsIndexedInMemory() throws {
        let folder = try Self.writtenGallery(withIndex: false)
        try Self.withImmutable(folder) {
            let store = try GalleryStore(folder: folder)
            #expect(try store.page(GalleryQuery(text: "lighthouse"), limit: 10).total == 1)
            #expect(try store.page(limit: 10).total == 2)
            #expect(store.indexNotice?.contains("built in memory") == true)
            #expect(!FileManager.default.fileExists(atPath: folder.path + "/.pixterm/index.sqlite"))
        }
    }
}
