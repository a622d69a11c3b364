import ImageCodec

/// Draws photo-like stand-in images: a smooth gradient between four corner colours with a
/// soft diagonal wave, under per-pixel grain, all chosen from a seed.
///
/// The grain is what makes a PNG of it as large as a photograph's (about 7 MB at 2048x2048):
/// PNG's filters remove the gradient, and the noise left over does not compress, just as a
/// camera's sensor noise does not.
enum PhotoSynthesis {
    /// How far the grain moves each channel, up or down; tuned so a PNG is photograph-sized.
    static let grainAmplitude = 2

    static func image(width: Int, height: Int, seed: UInt64) -> RGBAImage {
        var random = SplitMix(state: seed)
        let corners = (0..<4).map { _ in random.colour().map(Int.init) }
        var grain = random.next() | 1
        let span = grainAmplitude * 2 + 1
        let wavePeriod = 64 + Int(random.next() % 192)
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        let wave = (0..<wavePeriod).map { 24 - abs(48 * $0 / wavePeriod - 24) }
        let xScale = max(1, width - 1), yScale = max(1, height - 1)
        pixels.withUnsafeMutableBufferPointer { target in
            for y in 0..<height {
                // Left and right edge colours of this row, in 1/xScale steps across it.
                let left = (0..<3).map { (corners[0][$0] * (yScale - y) + corners[2][$0] * y) / yScale }
                let right = (0..<3).map { (corners[1][$0] * (yScale - y) + corners[3][$0] * y) / yScale }
                var offset = y * width * 4
                for x in 0..<width {
                    let shade = wave[(x + y) % wavePeriod]
                    for channel in 0..<3 {
                        // xorshift64: a few instructions per sample keeps a 2048x2048 image quick.
                        grain ^= grain << 13
                        grain ^= grain >> 7
                        grain ^= grain << 17
                        let base = (left[channel] * (xScale - x) + right[channel] * x) / xScale
                        let value = base + shade + Int(grain % UInt64(span)) - grainAmplitude
                        target[offset + channel] = UInt8(clamping: value)
                    }
                    offset += 4
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
