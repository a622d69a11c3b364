/// Maps true colours onto the fixed palettes of 256- and 16-colour terminals.
public enum ANSIPalette {
    /// xterm's default colours 0-15; other terminals differ slightly, but a nearest match against
    /// these picks the intended hue on all of them.
    public static let standard16: [RGB] = [
        RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
        RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
        RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
        RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
    ]

    /// The channel levels of the 6x6x6 cube at indices 16-231.
    static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    /// The nearest of the 6x6x6 cube (16-231) and the grey ramp (232-255, 8...238 in steps of
    /// 10). Indices 0-15 are skipped because terminals recolour them with themes.
    public static func index256(for colour: RGB) -> UInt8 {
        let r = nearestCubeLevel(colour.r), g = nearestCubeLevel(colour.g), b = nearestCubeLevel(colour.b)
        let cube = RGB(cubeLevels[r], cubeLevels[g], cubeLevels[b])
        let average = (Int(colour.r) + Int(colour.g) + Int(colour.b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyValue = UInt8(8 + greyStep * 10)
        let grey = RGB(greyValue, greyValue, greyValue)
        if colour.distance(to: grey) < colour.distance(to: cube) { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * r + 6 * g + b)
    }

    /// The colour a 256-colour index shows on a standard xterm palette.
    public static func colour256(_ index: UInt8) -> RGB {
        switch index {
        case 0..<16: return standard16[Int(index)]
        case 16..<232:
            let cube = Int(index) - 16
            return RGB(cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let value = UInt8(8 + (Int(index) - 232) * 10)
            return RGB(value, value, value)
        }
    }

    /// The nearest of the 16 standard colours.
    public static func index16(for colour: RGB) -> UInt8 {
        UInt8(standard16.indices.min { colour.distance(to: standard16[$0]) < colour.distance(to: standard16[$1]) }!)
    }

    private static func nearestCubeLevel(_ value: UInt8) -> Int {
        value < 48 ? 0 : value < 115 ? 1 : (Int(value) - 35) / 40
    }
}
