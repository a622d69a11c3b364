import TerminalGraphics

/// Styles packed into one integer for storage in cells: the packing is one-to-one, so equal
/// styles have equal bits and comparing two cells (done for every cell of every frame) is
/// comparing a few integers, with no enum to unpack.
extension CellStyle {
    /// Foreground in bits 0-25, background in 26-51, attributes in 52-59.
    var packed: UInt64 {
        UInt64(foreground.packed) | UInt64(background.packed) << 26 | UInt64(attributes.rawValue) << 52
    }

    init(packed: UInt64) {
        self.init(
            foreground: CellColor(packed: UInt32(truncatingIfNeeded: packed & 0x3FF_FFFF)),
            background: CellColor(packed: UInt32(truncatingIfNeeded: packed >> 26 & 0x3FF_FFFF)),
            attributes: CellAttributes(rawValue: UInt8(truncatingIfNeeded: packed >> 52)))
    }
}

extension CellColor {
    /// The kind in bits 24-25 and its value (a palette index or 24-bit colour) below.
    var packed: UInt32 {
        switch self {
        case .default: 0
        case .ansi(let index): 1 << 24 | UInt32(index)
        case .indexed(let index): 2 << 24 | UInt32(index)
        case .rgb(let color): 3 << 24 | UInt32(color.r) << 16 | UInt32(color.g) << 8 | UInt32(color.b)
        }
    }

    init(packed: UInt32) {
        let value = UInt8(truncatingIfNeeded: packed)
        switch packed >> 24 {
        case 0: self = .default
        case 1: self = .ansi(value)
        case 2: self = .indexed(value)
        default: self = .rgb(RGB(UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8), value))
        }
    }
}
