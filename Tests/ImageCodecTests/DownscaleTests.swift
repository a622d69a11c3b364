import Testing
import ImageCodec

@Suite struct DownscaleTests {
    private func image(_ width: Int, _ height: Int, _ pixels: [[UInt8]]) -> RGBAImage {
        RGBAImage(width: width, height: height, pixels: Array(pixels.joined()))
    }

    @Test func halvingAveragesEachTwoByTwoBlock() {
        let source = Synthetic.image(width: 4, height: 4, alpha: false)
        let small = source.downscaled(toWidth: 2, height: 2)
        for y in 0..<2 {
            for x in 0..<2 {
                let block = [(0, 0), (1, 0), (0, 1), (1, 1)].map { Synthetic.pixel(source, 2 * x + $0.0, 2 * y + $0.1) }
                let mean = (0..<3).map { c in UInt8((Double(block.map { Int($0[c]) }.reduce(0, +)) / 4).rounded()) }
                #expect(Synthetic.pixel(small, x, y) == mean + [255])
            }
        }
    }

    /// 3 -> 2 makes every output pixel cover 1.5 x 1.5 source pixels: the centre pixel counts a
    /// quarter in each corner, the edge middles a half.
    @Test func fractionalCoverageWeightsPartialPixels() {
        let values: [UInt8] = [0, 90, 180, 30, 120, 210, 60, 150, 240]
        let source = image(3, 3, values.map { [$0, 255 - $0, 0, 255] })
        let small = source.downscaled(toWidth: 2, height: 2)
        // Top-left: weights 1, 0.5 / 0.5, 0.25 over 0, 90 / 30, 120, divided by 2.25.
        let topLeft = (0 * 1 + 90 * 0.5 + 30 * 0.5 + 120 * 0.25) / 2.25
        let bottomRight = (120 * 0.25 + 210 * 0.5 + 150 * 0.5 + 240 * 1) / 2.25
        #expect(Synthetic.pixel(small, 0, 0) == [UInt8(topLeft.rounded()), UInt8((255 - topLeft).rounded()), 0, 255])
        #expect(Synthetic.pixel(small, 1, 1) == [UInt8(bottomRight.rounded()), UInt8((255 - bottomRight).rounded()), 0, 255])
    }

    @Test func transparentPixelsDoNotBleedTheirColour() {
        // Half the pixels are transparent "red" (garbage colour), half opaque blue.
        let source = image(2, 1, [[255, 0, 0, 0], [0, 0, 255, 255]])
        #expect(source.downscaled(toWidth: 1, height: 1).pixels == [0, 0, 255, 128])
        let halfAlpha = image(2, 1, [[255, 255, 255, 64], [0, 0, 0, 192]])
        // White weighs 64, black 192: the visible colour is a quarter white.
        #expect(halfAlpha.downscaled(toWidth: 1, height: 1).pixels == [64, 64, 64, 128])
        #expect(image(2, 1, [[9, 9, 9, 0], [200, 7, 7, 0]]).downscaled(toWidth: 1, height: 1).pixels == [0, 0, 0, 0])
    }

    @Test func largeReductionKeepsTheMeanColour() {
        // A fine checkerboard must become its mean grey, not one of its squares (aliasing).
        var pixels: [UInt8] = []
        for y in 0..<90 { for x in 0..<160 { let v: UInt8 = (x + y) % 2 == 0 ? 250 : 10; pixels += [v, v, v, 255] } }
        let small = RGBAImage(width: 160, height: 90, pixels: pixels).downscaled(toWidth: 16, height: 9)
        #expect(stride(from: 0, to: small.pixels.count, by: 4).allSatisfy { small.pixels[$0] == 130 })
    }

    @Test func enlargingAndSameSizeStayConsistent() {
        let source = Synthetic.image(width: 5, height: 3)
        #expect(source.downscaled(toWidth: 5, height: 3) == source)
        let doubled = Synthetic.solid(width: 2, height: 2, [10, 20, 30, 255]).downscaled(toWidth: 5, height: 4)
        #expect(doubled == Synthetic.solid(width: 5, height: 4, [10, 20, 30, 255]))
    }
}
