import ImageCodec

/// Draws the simulator's stand-in images: diagonal stripes in bands of colour, all chosen from a
/// seed, so the same prompt always gives the same picture and different prompts (or the second of
/// `n` images) give visibly different ones.
///
/// Every row is a copy of a slice of one of a few precomputed rows, so a 3840x2160 image costs a
/// few thousand memcpy calls, not eight million per-pixel computations.
enum ImageSynthesis {
    /// The seed of image `index` of a request: prompt, position and (for edits) the source image.
    static func seed(prompt: String, index: Int, sourceDigest: UInt64?) -> UInt64 {
        Digest.fnv1a(Array(prompt.utf8) + [0] + withUnsafeBytes(of: Int64(index).littleEndian, Array.init), seed: sourceDigest ?? 0)
    }

    static func image(width: Int, height: Int, seed: UInt64) -> RGBAImage {
        var random = SplitMix(state: seed)
        let period = 48 + Int(random.next() % 208)
        let slope = 1 + Int(random.next() % 4)
        let bandCount = 3 + Int(random.next() % 4)
        let bands = (0..<bandCount).map { _ in
            stripeRow(length: width + period, period: period, from: random.colour(), to: random.colour())
        }
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        pixels.withUnsafeMutableBytes { target in
            guard let base = target.baseAddress else { return }
            for y in 0..<height {
                let band = bands[y * bandCount / height]
                let shift = (y * slope) % period
                band.withUnsafeBytes { source in
                    guard let sourceBase = source.baseAddress else { return }
                    (base + y * width * 4).copyMemory(from: sourceBase + shift * 4, byteCount: width * 4)
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// One opaque row whose colour ramps from `from` to `to` and back once per `period` pixels.
    private static func stripeRow(length: Int, period: Int, from: [UInt8], to: [UInt8]) -> [UInt8] {
        var row = [UInt8](repeating: 255, count: length * 4)
        for x in 0..<length {
            // 0 at the start of each period, `period` in its middle, back to 0 at its end.
            let t = period - abs(2 * (x % period) - period)
            for channel in 0..<3 {
                let start = Int(from[channel]), end = Int(to[channel])
                row[x * 4 + channel] = UInt8(start + (end - start) * t / period)
            }
        }
        return row
    }
}

/// A tiny deterministic generator (SplitMix64) for picking colours and stripe shapes from a seed;
/// public so tests draw reproducible random cases from the same generator.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func colour() -> [UInt8] {
        let bits = next()
        return [UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits >> 16)]
    }
}
