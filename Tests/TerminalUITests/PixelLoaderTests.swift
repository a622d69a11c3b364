import Foundation
import ImageCodec
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// Pixel pictures made in the background: from the disk's thumbnail cache when it has them, and
/// named by kitty image ids that stay few and distinct however many pictures pass through.
@Suite struct PixelLoaderTests {
    let kitty = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 8, height: 16))

    /// `count` small PNGs, each a different shade.
    func pictures(_ count: Int, in folder: TemporaryDirectory, size: Int = 8) throws -> [URL] {
        try (0..<count).map { index in
            let file = folder.file("\(index).png")
            let shade = UInt8(truncatingIfNeeded: index * 7)
            try Data(PNGCodec.encode(RGBAImage(width: size, height: size, pixels: Array(repeating: shade, count: size * size * 4)))).write(to: file)
            return file
        }
    }

    func overlay(_ file: URL, columns: Int = 6, rows: Int = 3) -> PixelOverlay {
        PixelOverlay(path: file.path, slot: PreviewSlot(rect: CellRect(row: 1, column: 1, width: columns, height: rows), centered: false))
    }

    /// The state once the background work is done.
    func loaded(_ loader: PixelLoader, _ overlay: PixelOverlay) async -> PreviewState {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            if loader.state(for: overlay, ready: { done.resume() }) != .loading { done.resume() }
        }
        return loader.state(for: overlay) {}
    }

    @Test func aReopenedGridTakesItsThumbnailsFromTheDiskCacheNotTheOriginals() async throws {
        let folder = try TemporaryDirectory("pixterm-pixel-loader")
        defer { folder.remove() }
        let file = try #require(try pictures(1, in: folder, size: 300).first)
        // A whole second, which a file's time keeps exactly when set again below.
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file.path)
        let thumbnails = ThumbnailCache(directory: folder.file("cache"))
        let first = PixelLoader(encoder: kitty, thumbnails: thumbnails)
        #expect(await loaded(first, overlay(file)) == .pixels(CellRect(row: 1, column: 1, width: 6, height: 3)))
        let sent = try #require(first.placed(overlay(file))).picture.upload

        // The original becomes undecodable with the same size and time: only the cache can draw it.
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        try Data(count: size).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file.path)

        let reopened = PixelLoader(encoder: kitty, thumbnails: thumbnails)
        #expect(await loaded(reopened, overlay(file)) == .pixels(CellRect(row: 1, column: 1, width: 6, height: 3)))
        #expect(reopened.placed(overlay(file))?.picture.upload == sent)
        // Without the cache the same file fails, so the picture above did not come from it.
        guard case .failed = await loaded(PixelLoader(encoder: kitty, thumbnails: nil), overlay(file)) else {
            Issue.record("an undecodable original was drawn")
            return
        }
    }

    @Test func theSamePictureInAnotherCellKeepsItsImageID() async throws {
        let folder = try TemporaryDirectory("pixterm-pixel-loader")
        defer { folder.remove() }
        let files = try pictures(2, in: folder)
        let loader = PixelLoader(encoder: kitty, thumbnails: nil)
        _ = await loaded(loader, overlay(files[0]))
        _ = await loaded(loader, overlay(files[1]))
        let moved = PixelOverlay(path: files[0].path, slot: PreviewSlot(rect: CellRect(row: 9, column: 20, width: 6, height: 3), centered: false))
        #expect(loader.state(for: moved) {} == .pixels(CellRect(row: 9, column: 20, width: 6, height: 3)))
        let here = try #require(loader.placed(overlay(files[0]))), there = try #require(loader.placed(moved))
        #expect(here.picture.imageID == there.picture.imageID)
        #expect(here.picture.imageID != loader.placed(overlay(files[1]))?.picture.imageID)
    }

    /// 400 pictures pass through (ten screens of a 40-picture grid): the ids the loader keeps are
    /// distinct and all below 256 (kitty placeholders inside tmux), and every dropped picture's id
    /// is handed back, for the terminal to free its data before the id names another picture.
    @Test func imageIDsStayBelow256AndDistinctAcrossManyPictures() async throws {
        let folder = try TemporaryDirectory("pixterm-pixel-loader")
        defer { folder.remove() }
        let files = try pictures(400, in: folder)
        let loader = PixelLoader(encoder: GraphicsEncoder(method: .kitty, passthrough: true, placeholders: true), thumbnails: nil)
        var released: [UInt32] = []
        for screen in stride(from: 0, to: files.count, by: 40) {
            for file in files[screen..<screen + 40] { _ = await loaded(loader, overlay(file)) }
            released += loader.takeReleasedIDs()
        }
        let kept = files.suffix(PixelLoader.capacity).compactMap { loader.placed(overlay($0))?.picture.imageID }
        #expect(kept.count == PixelLoader.capacity)
        #expect(Set(kept).count == kept.count)
        #expect(kept.allSatisfy { (1...255).contains($0) })
        #expect(released.count == files.count - PixelLoader.capacity)
    }
}
