import Testing
import ImageCodec

@Suite struct JPEGCodecTests {
    private func maxDifference(_ a: RGBAImage, _ b: RGBAImage) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    @Test func roundTripStaysWithinCompressionTolerance() throws {
        let image = Synthetic.gradient(width: 48, height: 32)
        let decoded = try JPEGCodec.decode(JPEGCodec.encode(image, quality: 95))
        #expect(decoded.width == 48 && decoded.height == 32)
        #expect(maxDifference(decoded, image) <= 6)
        #expect(stride(from: 3, to: decoded.pixels.count, by: 4).allSatisfy { decoded.pixels[$0] == 255 })
    }

    @Test func lowerQualityGivesSmallerFiles() throws {
        let image = Synthetic.image(width: 64, height: 64, alpha: false)
        #expect(try JPEGCodec.encode(image, quality: 30).count < JPEGCodec.encode(image, quality: 95).count)
    }

    @Test func dimensionHintUsesTheSmallestSufficientDCTScale() throws {
        let bytes = try JPEGCodec.encode(Synthetic.gradient(width: 400, height: 200))
        let quarter = try JPEGCodec.decode(bytes, maxDimensionHint: 100)
        #expect(quarter.width == 100 && quarter.height == 50)
        let threeEighths = try JPEGCodec.decode(bytes, maxDimensionHint: 101)
        #expect(threeEighths.width == 150 && threeEighths.height == 75)
        let full = try JPEGCodec.decode(bytes, maxDimensionHint: 1000)
        #expect(full.width == 400 && full.height == 200)
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let bytes = try JPEGCodec.encode(Synthetic.image(width: 40, height: 40, alpha: false))
        for length in stride(from: 0, to: bytes.count - 2, by: 11) {
            #expect(throws: ImageCodecError.self) { try JPEGCodec.decode(Array(bytes.prefix(length))) }
        }
    }

    @Test func hugeDeclaredSizeIsRefused() throws {
        var bytes = try JPEGCodec.encode(Synthetic.gradient(width: 16, height: 16))
        let frame = try #require((0..<bytes.count - 1).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange(frame + 5..<frame + 9, with: [0xFF, 0x00, 0xFF, 0x00])
        let error = try #require(throws: ImageCodecError.self) { try JPEGCodec.decode(bytes) }
        #expect(error.kind == .tooLarge)
    }

    @Test func invalidQualityIsRejected() {
        let error = #expect(throws: ImageCodecError.self) { try JPEGCodec.encode(Synthetic.gradient(width: 4, height: 4), quality: 0) }
        #expect(error?.kind == .invalidInput)
    }
}
