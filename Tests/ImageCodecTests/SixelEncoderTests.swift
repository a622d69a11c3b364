import ImageCodec
import Testing
@testable import TerminalGraphics

@Suite struct SixelEncoderTests {
    private static let red: [UInt8] = [255, 0, 0, 255], blue: [UInt8] = [0, 0, 255, 255]

    @Test func handCheckedFourBySix() throws {
        // Red everywhere except one blue pixel at (1, 0).
        var image = Synthetic.solid(width: 4, height: 6, Self.red)
        image.pixels.replaceSubrange(4..<8, with: Self.blue)
        let output = text(SixelEncoder().encode(image))
        // Palette: blue and red. Blue paints only bit 0 of column 1 ("?@", trailing blanks
        // dropped); red paints all six bits ("~") except bit 0 of column 1 ("}").
        #expect(output == "\u{1B}P0;1;0q\"1;1;4;6#0;2;0;0;100#1;2;100;0;0#0?@$#1~}~~\u{1B}\\")
    }

    @Test func runsOfFourOrMoreAreCompressed() {
        let output = text(SixelEncoder().encode(Synthetic.solid(width: 10, height: 1, [0, 255, 0, 255])))
        #expect(output == "\u{1B}P0;1;0q\"1;1;10;1#0;2;0;100;0#0!10@\u{1B}\\")
        let short = text(SixelEncoder().encode(Synthetic.solid(width: 3, height: 2, [0, 255, 0, 255])))
        #expect(short.hasSuffix("#0BBB\u{1B}\\"))
    }

    @Test func bandsAreSeparatedAndTransparentPixelsStayUnpainted() throws {
        var image = Synthetic.solid(width: 3, height: 8, Self.red)
        image.pixels.replaceSubrange(((7 * 3 + 2) * 4)..<((7 * 3 + 2) * 4 + 4), with: [9, 9, 9, 0])
        let output = SixelEncoder().encode(image)
        #expect(text(output).contains("-"))
        let decoded = try SixelDecoder(output)
        #expect((decoded.width, decoded.height) == (3, 8))
        #expect(decoded.pixel(2, 7) == nil)
        #expect(decoded.pixel(1, 7) == RGB(255, 0, 0))
        #expect(decoded.pixels.compactMap { $0 }.count == 23)
    }

    @Test func fewColoursRoundTripWithinPercentRounding() throws {
        // 200 colours, each in its own 15-bit histogram cell, fit the palette exactly; only the
        // 0-100 register scale loses precision (at most 1.3 levels, so 2 after rounding).
        var pixels: [UInt8] = []
        for i in 0..<600 {
            let colour = i % 200
            pixels += [UInt8(colour % 10 * 25), UInt8(colour / 10 * 12), UInt8(255 - colour), 255]
        }
        let image = RGBAImage(width: 20, height: 30, pixels: pixels)
        let decoded = try SixelDecoder(SixelEncoder().encode(image))
        #expect(Self.errors(image, decoded).max <= 2)
    }

    /// The stated colour error for a photo-like picture with many more colours than registers:
    /// mean channel error at most 4 (3.24 measured), no channel off by more than 16.
    @Test func manyColoursDecodeToTheExpectedPicture() throws {
        let image = Self.photoLike(width: 96, height: 64)
        let decoded = try SixelDecoder(SixelEncoder().encode(image))
        let errors = Self.errors(image, decoded)
        #expect(errors.mean <= 4.0, "mean \(errors.mean)")
        #expect(errors.max <= 16, "max \(errors.max)")
    }

    @Test func ditheringKeepsAreaAveragesCloserWithFewColours() throws {
        let image = Self.photoLike(width: 64, height: 48)
        let plain = try SixelDecoder(SixelEncoder(maxColours: 4).encode(image))
        let dithered = try SixelDecoder(SixelEncoder(maxColours: 4, dither: true).encode(image))
        #expect(Self.blockError(image, dithered) < Self.blockError(image, plain))
    }

    @Test func medianCutGivesBusyRegionsMoreColours() {
        // Nine parts dark greys, one part a single red: four entries go mostly to the greys.
        var pixels: [UInt8] = []
        for i in 0..<1000 {
            let grey = UInt8(i % 90)
            pixels += i % 10 == 0 ? [250, 10, 10, 255] : [grey, grey, grey, 255]
        }
        let palette = MedianCutPalette(RGBAImage(width: 100, height: 10, pixels: pixels), maxColours: 4)
        #expect(palette.colours.count == 4)
        let greys = palette.colours.filter { (colour: RGB) -> Bool in colour.r == colour.g && colour.g == colour.b }
        #expect(greys.count == 3)
        #expect(palette.colours.contains(RGB(250, 10, 10)))
    }

    @Test func placementIsExactlyTheFittedPixels() throws {
        let encoder = GraphicsEncoder(method: .sixel, cellSize: CellPixelSize(width: 10, height: 20))
        let placement = try encoder.placement(of: Self.photoLike(width: 300, height: 150), in: CellRect(row: 3, column: 2, width: 8, height: 4), imageID: 1)
        // 8x4 cells are 80x80 pixels; 2:1 fits as 80x40 in 8x2 cells.
        #expect(placement.cells == CellRect(row: 3, column: 2, width: 8, height: 2))
        let draw = placement.draw
        #expect(text(draw).hasPrefix("\u{1B}7\u{1B}[4;3H\u{1B}P"))
        let decoded = try SixelDecoder(Array(draw.dropFirst(8).dropLast(2)))
        #expect((decoded.width, decoded.height) == (80, 40))
    }

    // MARK: - Helpers

    /// Smooth gradients with a few hard edges, about 6000 distinct colours.
    static func photoLike(width: Int, height: Int) -> RGBAImage {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let edge = (x / 16 + y / 16) % 2 == 0
                pixels += [UInt8(x * 255 / (width - 1)), UInt8(y * 255 / (height - 1)), edge ? 200 : 40, 255]
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    static func errors(_ image: RGBAImage, _ decoded: SixelDecoder) -> (mean: Double, max: Int) {
        var total = 0, largest = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let want = Synthetic.pixel(image, x, y)
                guard let got = decoded.pixel(x, y) else { return (.infinity, .max) }
                for (a, b) in zip(want, [got.r, got.g, got.b]) {
                    let difference = abs(Int(a) - Int(b))
                    total += difference
                    largest = max(largest, difference)
                }
            }
        }
        return (Double(total) / Double(image.width * image.height * 3), largest)
    }

    /// Mean channel error of 8x8 block averages: what the eye sees from a distance.
    static func blockError(_ image: RGBAImage, _ decoded: SixelDecoder) -> Double {
        var total = 0.0, count = 0
        for blockY in stride(from: 0, to: image.height, by: 8) {
            for blockX in stride(from: 0, to: image.width, by: 8) {
                for channel in 0..<3 {
                    var want = 0, got = 0
                    for y in blockY..<blockY + 8 {
                        for x in blockX..<blockX + 8 {
                            want += Int(Synthetic.pixel(image, x, y)[channel])
                            let pixel = decoded.pixel(x, y) ?? .black
                            got += Int([pixel.r, pixel.g, pixel.b][channel])
                        }
                    }
                    total += abs(Double(want - got)) / 64
                    count += 1
                }
            }
        }
        return total / Double(count)
    }
}
