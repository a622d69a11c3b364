import ImageCodec

/// Deterministic test pictures: every pixel differs from its neighbours, so a transposed row,
/// a lost channel or an off-by-one in a codec changes the result.
enum Synthetic {
    static func image(width: Int, height: Int, alpha: Bool = true) -> RGBAImage {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                pixels += [
                    UInt8((x * 37 + y * 11) & 0xFF), UInt8((x * 5 + y * 53) & 0xFF),
                    UInt8((x * y * 7 + 3) & 0xFF), alpha ? UInt8((x * 13 + y * 29 + 40) & 0xFF) : 255,
                ]
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// A smooth picture JPEG can reproduce closely (no hard edges to ring).
    static func gradient(width: Int, height: Int) -> RGBAImage {
        var pixels: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                pixels += [UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)), 128, 255]
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    static func solid(width: Int, height: Int, _ rgba: [UInt8]) -> RGBAImage {
        RGBAImage(width: width, height: height, pixels: Array([[UInt8]](repeating: rgba, count: width * height).joined()))
    }

    static func pixel(_ image: RGBAImage, _ x: Int, _ y: Int) -> [UInt8] {
        let offset = (y * image.width + x) * 4
        return Array(image.pixels[offset..<offset + 4])
    }
}
