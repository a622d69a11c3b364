import Foundation
import Testing
import TestSupport

@testable import ImageCodec

/// `ImageDecoder.decodeDownscaled` must give exactly what a full decode followed by
/// `downscaled(toWidth:height:)` gives, pixel for pixel and error for error, whichever path it
/// takes: the PNG fast path that sums rows while unfiltering them, or the full decode.
@Suite struct DownscalingDecoderTests {
    private typealias Outcome = Result<RGBAImage, ImageCodecError>

    /// The reference: the whole image decoded, then area-averaged.
    private func reference(_ bytes: [UInt8], _ width: Int, _ height: Int) -> Outcome {
        Result { () throws(ImageCodecError) in try ImageDecoder.decode(bytes).downscaled(toWidth: width, height: height) }
    }

    private func thumbnail(_ bytes: [UInt8], _ width: Int, _ height: Int) -> Outcome {
        bytes.withUnsafeBufferPointer { bytes in
            Result { () throws(ImageCodecError) in try ImageDecoder.decodeDownscaled(bytes) { _, _ in (width, height) } }
        }
    }

    /// Whether the fast path (sums while decoding) handled the bytes, so a test of equality
    /// cannot pass only because everything fell back to the full decode.
    private func summed(_ bytes: [UInt8], _ width: Int, _ height: Int) -> Bool {
        bytes.withUnsafeBufferPointer { ImageDecoder.summedWhileDecoding($0) { _, _ in (width, height) } != nil }
    }

    /// The C decoder's row sums against `RGBAImage.rowSums` on the decoded image, to the bit: a
    /// sum rounded differently may still round to the same byte in a small test image, but not
    /// in every image.
    private func expectSameRowSums(_ bytes: [UInt8], targetWidth: Int, _ comment: Comment) throws {
        let image = try ImageDecoder.decode(bytes)
        let columns = CoverageSpan.spans(source: image.width, target: targetWidth)
        let sums = bytes.withUnsafeBufferPointer { ImageDecoder.rowSums($0, width: image.width, height: image.height, columns: columns) }
        let expected = image.rowSums(columns)
        #expect(sums?.map(\.bitPattern) == expected.map(\.bitPattern), comment)
    }

    /// Sizes that cut source pixels at span edges in both directions, a whole-pixel reduction,
    /// a one-row target, a one-pixel source column and an enlargement.
    private static let sizes: [(source: (Int, Int), target: (Int, Int))] = [
        ((11, 10), (3, 2)), ((37, 23), (5, 4)), ((64, 48), (8, 6)), ((200, 3), (7, 1)), ((1, 9), (1, 2)), ((5, 7), (10, 14)),
    ]

    /// Every filter type alone and all five cycling, for RGB and RGBA at every size.
    @Test(arguments: [2, 6])
    func fastPathMatchesTheFullDecodeForEveryFilter(colourType: Int) throws {
        for (source, target) in Self.sizes {
            let image = Synthetic.image(width: source.0, height: source.1)
            for filters in [[0], [1], [2], [3], [4], [0, 1, 2, 3, 4], [4, 3, 2, 1]] {
                let png = RawPNG(width: source.0, height: source.1, bitDepth: 8, colourType: colourType, filters: filters) { x, y in
                    Synthetic.pixel(image, x, y).prefix(colourType == 6 ? 4 : 3).map(Int.init)
                }.bytes
                #expect(summed(png, target.0, target.1), "\(source) filters \(filters)")
                try expectSameRowSums(png, targetWidth: target.0, "\(source) -> \(target), filters \(filters)")
                #expect(thumbnail(png, target.0, target.1) == reference(png, target.0, target.1), "\(source) -> \(target), filters \(filters)")
            }
        }
    }

    /// Image data split over many IDAT chunks (libpng writes 8 KiB chunks) is joined before inflating.
    @Test func imageDataInManyChunksMatches() throws {
        let encoded = try PNGCodec.encode(Synthetic.image(width: 300, height: 200), compressionLevel: 1)
        #expect(chunkCount("IDAT", in: encoded) > 2)
        #expect(summed(encoded, 41, 27))
        #expect(thumbnail(encoded, 41, 27) == reference(encoded, 41, 27))
        try expectSameRowSums(encoded, targetWidth: 41, "libpng's chunks")

        let opaque = Synthetic.image(width: 90, height: 70, alpha: false)
        let rgb = RawPNG(width: 90, height: 70, bitDepth: 8, colourType: 2, filters: [1, 4, 2]) { x, y in
            Synthetic.pixel(opaque, x, y).prefix(3).map(Int.init)
        }.bytes
        let split = splittingImageData(rgb, every: 1000)
        #expect(chunkCount("IDAT", in: split) > 10)
        #expect(summed(split, 13, 9))
        #expect(thumbnail(split, 13, 9) == reference(split, 13, 9))
        try expectSameRowSums(split, targetWidth: 13, "1000-byte chunks")
    }

    /// Inflated rows of 2 MiB and more get a mapping of their own (huge pages): an 800x700 RGBA
    /// image (2.2 MB of rows) must come out as exactly as a small one.
    @Test func largeImagesMatch() throws {
        let encoded = try PNGCodec.encode(Synthetic.image(width: 800, height: 700), compressionLevel: 1)
        #expect(summed(encoded, 80, 70))
        #expect(thumbnail(encoded, 80, 70) == reference(encoded, 80, 70))
        try expectSameRowSums(encoded, targetWidth: 80, "800x700")
    }

    /// Everything the fast path leaves to libpng still comes out the same through the full decode.
    @Test func otherKindsOfPNGFallBackToTheFullDecode() {
        let image = Synthetic.image(width: 23, height: 17)
        let pngs: [RawPNG] = [
            RawPNG(width: 23, height: 17, bitDepth: 16, colourType: 2, filters: [0, 1, 2, 3, 4]) { x, y in
                Synthetic.pixel(image, x, y).prefix(3).map { Int($0) * 256 + x }
            },
            RawPNG(width: 23, height: 17, bitDepth: 16, colourType: 6, filters: [4, 2]) { x, y in
                Synthetic.pixel(image, x, y).map { Int($0) * 256 + y }
            },
            RawPNG(width: 23, height: 17, bitDepth: 8, colourType: 6, interlaced: true, filters: [0, 1, 2, 3, 4]) { x, y in
                Synthetic.pixel(image, x, y).map(Int.init)
            },
            RawPNG(width: 23, height: 17, bitDepth: 8, colourType: 2, transparency: [0, 37, 0, 53, 0, 3], filters: [1]) { x, y in
                Synthetic.pixel(image, x, y).prefix(3).map(Int.init)
            },
            RawPNG(width: 23, height: 17, bitDepth: 4, colourType: 3, palette: Array((0..<48).map { UInt8($0 * 5) }), transparency: [0, 128, 255]) { x, y in
                [(x + y) % 16]
            },
            RawPNG(width: 23, height: 17, bitDepth: 8, colourType: 0, filters: [3]) { x, y in [Int(Synthetic.pixel(image, x, y)[0])] },
            RawPNG(width: 23, height: 17, bitDepth: 1, colourType: 0) { x, y in [(x ^ y) & 1] },
            RawPNG(width: 23, height: 17, bitDepth: 8, colourType: 4, filters: [4]) { x, y in Synthetic.pixel(image, x, y).suffix(2).map(Int.init) },
        ]
        for png in pngs.map(\.bytes) {
            #expect(!summed(png, 6, 4))
            let expected = reference(png, 6, 4)
            #expect((try? expected.get()) != nil)
            #expect(thumbnail(png, 6, 4) == expected)
        }
    }

    /// Cut short anywhere or damaged inside the image data, a PNG fails with the same error
    /// (kind and words) as the full decode gives, and never with a half-drawn thumbnail.
    @Test(arguments: [2, 6])
    func truncatedAndDamagedFilesGiveTheSameError(colourType: Int) throws {
        let image = Synthetic.image(width: 20, height: 20)
        let png = RawPNG(width: 20, height: 20, bitDepth: 8, colourType: colourType, filters: [0, 1, 2, 3, 4]) { x, y in
            Synthetic.pixel(image, x, y).prefix(colourType == 6 ? 4 : 3).map(Int.init)
        }.bytes
        for length in stride(from: 0, to: png.count, by: 5) {
            let prefix = Array(png.prefix(length))
            #expect(thumbnail(prefix, 4, 4) == reference(prefix, 4, 4), "first \(length) bytes")
        }
        var damaged = png
        damaged[60] ^= 0x5A
        #expect(!summed(damaged, 4, 4))
        let outcome = thumbnail(damaged, 4, 4)
        #expect(outcome == reference(damaged, 4, 4))
        #expect(throws: ImageCodecError.self) { try outcome.get() }
        // A filter type that does not exist (the first row's filter byte is the first stored byte).
        var unknownFilter = png
        let firstFilter = try #require(firstStoredByte(in: png))
        unknownFilter[firstFilter] = 9
        #expect(thumbnail(unknownFilter, 4, 4) == reference(unknownFilter, 4, 4))
    }

    /// A JPEG takes the full decode, with its DCT scaling: the target is chosen from the scaled size.
    @Test func jpegMatchesTheScaledDecode() throws {
        let jpeg = try JPEGCodec.encode(Synthetic.gradient(width: 320, height: 240))
        var seen: (Int, Int)?
        let fast = try jpeg.withUnsafeBufferPointer { bytes throws(ImageCodecError) in
            try ImageDecoder.decodeDownscaled(bytes, maxDimensionHint: 60) { width, height in
                seen = (width, height)
                return (width / 5, height / 5)
            }
        }
        let decoded = try ImageDecoder.decode(jpeg, maxDimensionHint: 60)
        #expect(seen.map { [$0.0, $0.1] } == [decoded.width, decoded.height])
        #expect(decoded.width < 320, "DCT scaling applied")
        #expect(fast == decoded.downscaled(toWidth: decoded.width / 5, height: decoded.height / 5))
    }

    /// The file variant reads what `decode(contentsOf:)` reads and fails as it fails.
    @Test func filesDecodeAndFailLikeTheFullDecode() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let png = directory.file("a.png"), empty = directory.file("empty.png"), fifo = directory.file("fifo.png")
        try Data(PNGCodec.encode(Synthetic.image(width: 50, height: 30))).write(to: png)
        try Data().write(to: empty)
        #expect(mkfifo(fifo.path, 0o644) == 0)
        func both(_ file: URL) -> (Outcome, Outcome) {
            let full = Result { () throws(ImageCodecError) in try ImageDecoder.decode(contentsOf: file).downscaled(toWidth: 7, height: 4) }
            let fast = Result { () throws(ImageCodecError) in try ImageDecoder.decodeDownscaled(contentsOf: file) { _, _ in (7, 4) } }
            return (fast, full)
        }
        for file in [png, empty, fifo, directory.file("missing.png"), directory.url] {
            let (fast, full) = both(file)
            #expect(fast == full, "\(file.lastPathComponent)")
        }
        #expect((try? both(png).0.get())?.width == 7)
    }

    /// Another program truncating the file while it is decoded must not kill pixterm: a mapped
    /// file would end the process with SIGBUS on the first byte past the new end. Both buffers
    /// are covered: the heap (small files) and the huge-page mapping (2 MiB and more).
    @Test(arguments: [300, 3 << 20])
    func aFileTruncatedWhileItIsDecodedKeepsTheBytesThatWereRead(size: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("a.png")
        // Varied bytes, cheaply: a random byte each from the system's generator is a syscall
        // each, which held one of the test pool's two threads for seconds in debug builds.
        let written = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        try Data(written).write(to: file)
        let seen = try RegularFile.withContents(file) { bytes in
            #expect(truncate(file.path, 0) == 0)
            return Array(bytes)
        }
        #expect(seen == written)
    }

    private func chunkCount(_ type: String, in png: [UInt8]) -> Int {
        RawPNG.chunks(of: png).filter { $0.type == type }.count
    }

    /// The same PNG with its image data re-cut into IDAT chunks of `every` bytes.
    private func splittingImageData(_ png: [UInt8], every size: Int) -> [UInt8] {
        let all = RawPNG.chunks(of: png)
        let data = all.filter { $0.type == "IDAT" }.flatMap(\.payload)
        var out = Array(png.prefix(8))
        for (type, payload) in all where type != "IDAT" && type != "IEND" { out += RawPNG.chunk(type, payload) }
        for start in stride(from: 0, to: data.count, by: size) { out += RawPNG.chunk("IDAT", Array(data[start..<min(data.count, start + size)])) }
        return out + RawPNG.chunk("IEND", [])
    }

    /// Where the first row's filter byte sits in a RawPNG file (stored deflate: after the zlib
    /// header and the first block's five-byte header).
    private func firstStoredByte(in png: [UInt8]) -> Int? {
        var offset = 8
        while offset + 12 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[offset + 4..<offset + 8], as: UTF8.self) == "IDAT" { return offset + 8 + 2 + 5 }
            offset += 12 + length
        }
        return nil
    }
}
