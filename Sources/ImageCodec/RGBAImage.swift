/// Decoded pixels in the one layout every pixterm stage shares (codecs, downscaling, terminal
/// rendering), so no stage needs to know which file format the picture came from.
public struct RGBAImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// RGBA8, row-major, no row padding, straight (not premultiplied) alpha; `width * height * 4` bytes.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0, "image size must not be negative")
        precondition(pixels.count == width * height * 4, "RGBA8 needs width * height * 4 bytes")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}
