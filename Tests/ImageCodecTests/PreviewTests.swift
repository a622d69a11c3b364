import Foundation
import Testing
import ImageCodec
import TerminalGraphics
import TestSupport

@Suite struct ThumbnailCacheTests {
    @Test func hitsOnlyForTheSameFileStateAndGrid() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("a.png")
        try Data(PNGCodec.encode(Synthetic.image(width: 8, height: 8))).write(to: file)
        let cache = ThumbnailCache(directory: directory.file("cache"))
        let thumbnail = Synthetic.image(width: 4, height: 6)

        #expect(cache.image(for: file, columns: 4, rows: 3) == nil)
        try cache.store(thumbnail, for: file, columns: 4, rows: 3)
        #expect(cache.image(for: file, columns: 4, rows: 3) == thumbnail)
        #expect(cache.image(for: file, columns: 5, rows: 3) == nil)
        #expect(cache.image(for: directory.file("other.png"), columns: 4, rows: 3) == nil)

        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: file.path)
        #expect(cache.image(for: file, columns: 4, rows: 3) == nil)
        try cache.store(thumbnail, for: file, columns: 4, rows: 3)
        #expect(cache.image(for: file, columns: 4, rows: 3) == thumbnail)
        // A changed file replaces its old entry instead of adding another.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.file("cache").path).count == 1)
    }

    @Test func damagedEntriesAreMisses() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("a.png")
        try Data(PNGCodec.encode(Synthetic.image(width: 8, height: 8))).write(to: file)
        let cache = ThumbnailCache(directory: directory.file("cache"))
        try cache.store(Synthetic.image(width: 4, height: 6), for: file, columns: 4, rows: 3)
        let entry = try #require(FileManager.default.contentsOfDirectory(at: cache.directory, includingPropertiesForKeys: nil).first)
        let bytes = try Data(contentsOf: entry)
        try bytes.prefix(bytes.count - 1).write(to: entry)
        #expect(cache.image(for: file, columns: 4, rows: 3) == nil)
    }

    /// Pruning removes the entries written longest ago until the cache fits, keeps the newest,
    /// and never touches a file that is not one of its entries.
    @Test func pruningDropsTheOldestEntriesUntilTheCacheFits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = ThumbnailCache(directory: directory.file("cache"))
        var files: [URL] = []
        for index in 0..<5 {
            let file = directory.file("\(index).png")
            try Data(PNGCodec.encode(Synthetic.image(width: 8, height: 8))).write(to: file)
            try cache.store(Synthetic.image(width: 32, height: 32), for: file, columns: 32, rows: 16)
            files.append(file)
        }
        let entries = try FileManager.default.contentsOfDirectory(at: cache.directory, includingPropertiesForKeys: [.fileSizeKey])
        let entryBytes = try #require(try entries.first?.resourceValues(forKeys: [.fileSizeKey]).fileSize)
        // Entry 0 was written longest ago, entry 4 last (each entry holds its file's path).
        for (index, file) in files.enumerated() {
            let entry = try #require(entries.first { (try? Data(contentsOf: $0))?.range(of: Data(file.path.utf8)) != nil })
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(index - 10) * 3600)], ofItemAtPath: entry.path)
        }
        let stranger = cache.directory.appendingPathComponent("notes.txt")
        try Data(repeating: 1, count: 10 * entryBytes).write(to: stranger)

        #expect(cache.prune(toBytes: 5 * entryBytes) == 0, "already fits (the stranger does not count)")
        #expect(cache.prune(toBytes: 2 * entryBytes) == 3)
        #expect(files.map { cache.image(for: $0, columns: 32, rows: 16) != nil } == [false, false, false, true, true])
        #expect(FileManager.default.fileExists(atPath: stranger.path))
        #expect(ThumbnailCache(directory: directory.file("missing")).prune(toBytes: 0) == 0)
    }
}

@Suite struct PreviewRendererTests {
    /// 64x32: left half red, right half blue.
    private func writeSplitImage(to file: URL) throws {
        var pixels: [UInt8] = []
        for _ in 0..<32 { for x in 0..<64 { pixels += x < 32 ? [255, 0, 0, 255] : [0, 0, 255, 255] } }
        try Data(PNGCodec.encode(RGBAImage(width: 64, height: 32, pixels: pixels))).write(to: file)
    }

    @Test func rendersAFileFittedToTheCellBox() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("split.png")
        try writeSplitImage(to: file)
        let lines = try PreviewRenderer(renderer: HalfBlockRenderer(mode: .truecolor)).render(contentsOf: file, maxColumns: 8, maxRows: 4)
        #expect(lines == Array(repeating: "\u{1B}[48;2;255;0;0m    \u{1B}[48;2;0;0;255m    \u{1B}[0m", count: 2))
    }

    @Test func jpegPreviewsAreDecodedScaledDown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("photo.jpg")
        try Data(JPEGCodec.encode(Synthetic.gradient(width: 640, height: 320))).write(to: file)
        let cells = try PreviewRenderer(renderer: HalfBlockRenderer(mode: .truecolor)).cells(contentsOf: file, maxColumns: 40, maxRows: 20)
        #expect(cells.count == 10 && cells.allSatisfy { $0.count == 40 })
        #expect(cells[5][0].top.r < 16 && cells[5][39].top.r > 240)
    }

    @Test func aCurrentCacheEntryIsUsedInsteadOfDecoding() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("split.png")
        try writeSplitImage(to: file)
        let cache = ThumbnailCache(directory: directory.file("cache"))
        let preview = PreviewRenderer(renderer: HalfBlockRenderer(mode: .truecolor), cache: cache)
        let fresh = try preview.thumbnail(of: file, maxColumns: 8, maxRows: 4)
        #expect(cache.image(for: file, columns: 8, rows: 2) == fresh)

        let planted = Synthetic.solid(width: 8, height: 4, [0, 255, 0, 255])
        try cache.store(planted, for: file, columns: 8, rows: 2)
        #expect(try preview.thumbnail(of: file, maxColumns: 8, maxRows: 4) == planted)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: file.path)
        #expect(try preview.thumbnail(of: file, maxColumns: 8, maxRows: 4) == fresh)
    }

    @Test func unreadableAndCorruptFilesAreErrors() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let preview = PreviewRenderer(renderer: HalfBlockRenderer(mode: .ansi16))
        let missing = #expect(throws: ImageCodecError.self) { try preview.render(contentsOf: directory.file("none.png"), maxColumns: 10, maxRows: 5) }
        #expect(missing?.kind == .unreadable)
        let cut = directory.file("cut.jpg")
        try Data(JPEGCodec.encode(Synthetic.gradient(width: 64, height: 64)).prefix(300)).write(to: cut)
        let corrupt = #expect(throws: ImageCodecError.self) { try preview.render(contentsOf: cut, maxColumns: 10, maxRows: 5) }
        #expect(corrupt?.kind == .corrupt)
    }
}
