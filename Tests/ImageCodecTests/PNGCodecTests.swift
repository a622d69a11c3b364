import Testing
import ImageCodec

@Suite struct PNGCodecTests {
    @Test func roundTripIsExactIncludingAlpha() throws {
        let image = Synthetic.image(width: 37, height: 23)
        for level in [0, 6, 9] {
            let decoded = try PNGCodec.decode(PNGCodec.encode(image, compressionLevel: level))
            #expect(decoded == image)
        }
    }

    @Test func palettePNGWithTransparencyBecomesRGBA() throws {
        let palette: [UInt8] = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]
        let png = RawPNG(width: 5, height: 3, bitDepth: 2, colourType: 3, palette: palette, transparency: [0, 128]) { x, y in
            [(x + y) % 4]
        }
        let image = try PNGCodec.decode(png.bytes)
        #expect(image.width == 5 && image.height == 3)
        for y in 0..<3 {
            for x in 0..<5 {
                let index = (x + y) % 4
                let alpha: UInt8 = index == 0 ? 0 : index == 1 ? 128 : 255
                #expect(Synthetic.pixel(image, x, y) == Array(palette[index * 3..<index * 3 + 3]) + [alpha])
            }
        }
    }

    @Test(arguments: [1, 2, 4, 8])
    func greyscaleBitDepthsExpandToFullRange(bitDepth: Int) throws {
        let maxSample = (1 << bitDepth) - 1
        let png = RawPNG(width: 9, height: 2, bitDepth: bitDepth, colourType: 0) { x, y in [(x + y * 9) % (maxSample + 1)] }
        let image = try PNGCodec.decode(png.bytes)
        for y in 0..<2 {
            for x in 0..<9 {
                let grey = UInt8(((x + y * 9) % (maxSample + 1)) * 255 / maxSample)
                #expect(Synthetic.pixel(image, x, y) == [grey, grey, grey, 255])
            }
        }
    }

    @Test func greyscaleTransparencyKeyBecomesAlpha() throws {
        let png = RawPNG(width: 4, height: 1, bitDepth: 8, colourType: 0, transparency: [0, 7]) { x, _ in [x == 2 ? 7 : 200] }
        let image = try PNGCodec.decode(png.bytes)
        #expect(Synthetic.pixel(image, 2, 0) == [7, 7, 7, 0])
        #expect(Synthetic.pixel(image, 1, 0) == [200, 200, 200, 255])
    }

    /// Samples that are multiples of 257 map to exactly one 8-bit value, whatever the rounding.
    @Test func sixteenBitChannelsScaleToEightBits() throws {
        let rgb = RawPNG(width: 3, height: 2, bitDepth: 16, colourType: 2) { x, y in [x * 257 * 40, y * 257 * 90, 65_535] }
        let greyAlpha = RawPNG(width: 3, height: 2, bitDepth: 16, colourType: 4) { x, y in [(x + y) * 257 * 50, 257 * 17] }
        let colour = try PNGCodec.decode(rgb.bytes), grey = try PNGCodec.decode(greyAlpha.bytes)
        for y in 0..<2 {
            for x in 0..<3 {
                #expect(Synthetic.pixel(colour, x, y) == [UInt8(x * 40), UInt8(y * 90), 255, 255])
                let g = UInt8((x + y) * 50)
                #expect(Synthetic.pixel(grey, x, y) == [g, g, g, 17])
            }
        }
    }

    @Test func interlacedPNGDecodesToTheSamePixels() throws {
        let source = Synthetic.image(width: 13, height: 11)
        func raw(interlaced: Bool) -> RawPNG {
            RawPNG(width: 13, height: 11, bitDepth: 8, colourType: 6, interlaced: interlaced) { x, y in
                Synthetic.pixel(source, x, y).map(Int.init)
            }
        }
        #expect(try PNGCodec.decode(raw(interlaced: true).bytes) == source)
        #expect(try PNGCodec.decode(raw(interlaced: false).bytes) == source)
    }

    /// 8-bit RGB and RGBA take the libdeflate fast path when it is installed, 16-bit takes libpng:
    /// both must undo every filter type, including Paeth across rows and pixels.
    @Test(arguments: [(8, 2), (8, 6), (16, 2), (16, 6)])
    func everyFilterTypeIsReversed(bitDepth: Int, colourType: Int) throws {
        let source = Synthetic.image(width: 11, height: 10)
        let scale = bitDepth == 16 ? 257 : 1
        let png = RawPNG(width: 11, height: 10, bitDepth: bitDepth, colourType: colourType, filters: [0, 1, 2, 3, 4]) { x, y in
            Synthetic.pixel(source, x, y).prefix(colourType == 6 ? 4 : 3).map { Int($0) * scale }
        }
        let image = try PNGCodec.decode(png.bytes)
        for y in 0..<10 {
            for x in 0..<11 {
                let expected = Synthetic.pixel(source, x, y)
                #expect(Synthetic.pixel(image, x, y) == (colourType == 6 ? expected : Array(expected.prefix(3)) + [255]))
            }
        }
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let bytes = try PNGCodec.encode(Synthetic.image(width: 20, height: 20), compressionLevel: 0)
        // Dropping only IEND (the last 12 bytes) leaves every pixel intact, which libpng accepts.
        for length in stride(from: 0, to: bytes.count - 12, by: 7) {
            #expect(throws: ImageCodecError.self) { try PNGCodec.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func damagedImageDataReportsCorruption() throws {
        var bytes = try PNGCodec.encode(Synthetic.image(width: 8, height: 8))
        bytes[bytes.count - 20] ^= 0xFF
        let error = try #require(throws: ImageCodecError.self) { try PNGCodec.decode(bytes) }
        #expect(error.kind == .corrupt)
        #expect(error.description.contains("PNG"))
    }

    @Test func decompressionBombIsRefusedBeforeAllocating() throws {
        let bytes =
            RawPNG.signatureAndHeader(width: 20_000, height: 20_000, bitDepth: 1, colourType: 0)
            + RawPNG.chunk("IDAT", [0x78, 0x01]) + RawPNG.chunk("IEND", [])
        let error = try #require(throws: ImageCodecError.self) { try PNGCodec.decode(bytes) }
        #expect(error.kind == .tooLarge)
    }
}
