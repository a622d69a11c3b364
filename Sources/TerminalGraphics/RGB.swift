/// An opaque colour as the terminal shows it; alpha has already been blended away.
public struct RGB: Sendable, Hashable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    public static let black = RGB(0, 0, 0)

    /// Straight-alpha RGBA composed over this colour, rounded to nearest.
    func blending(r: UInt8, g: UInt8, b: UInt8, alpha: UInt8) -> RGB {
        if alpha == 255 { return RGB(r, g, b) }
        let a = UInt32(alpha), inverse = 255 - a
        func mix(_ top: UInt8, _ under: UInt8) -> UInt8 { UInt8((UInt32(top) * a + UInt32(under) * inverse + 127) / 255) }
        return RGB(mix(r, self.r), mix(g, self.g), mix(b, self.b))
    }

    /// Rec. 709 luma in 0...255, for the no-colour character ramp.
    var luma: Int { (Int(r) * 2126 + Int(g) * 7152 + Int(b) * 722) / 10_000 }

    /// The "redmean" weighted distance: close to perceived difference at the cost of a few
    /// multiplications, unlike plain RGB distance, which over-weights blue.
    func distance(to other: RGB) -> Int {
        let meanRed = (Int(r) + Int(other.r)) / 2
        let dr = Int(r) - Int(other.r), dg = Int(g) - Int(other.g), db = Int(b) - Int(other.b)
        return ((512 + meanRed) * dr * dr) / 256 + 4 * dg * dg + ((767 - meanRed) * db * db) / 256
    }
}
