import TerminalGraphics

/// Turns `CellColor`s into the colour numbers ncurses takes, within what both the user
/// (NO_COLOR, COLORTERM via `ColorMode`) and the terminfo entry (`COLORS`) allow.
/// -1 is the terminal's default colour.
struct ColorMapper: Sendable, Hashable {
    /// Colour numbers are 0xRRGGBB (TERM=*-direct); below 8 they still mean the ANSI colours.
    let isDirect: Bool
    /// How many palette entries may be used: 0 (no colour), 8, 16 or 256.
    let paletteSize: Int
    /// Whether -1 works (`use_default_colors`); otherwise white on black stands in.
    let hasDefaultColors: Bool

    init(mode: ColorMode, terminalColors: Int, hasDefaultColors: Bool) {
        let allowed: Int
        switch mode {
        case .none: allowed = 0
        case .ansi16: allowed = 16
        case .ansi256, .truecolor: allowed = 256
        }
        isDirect = mode == .truecolor && terminalColors >= 1 << 24
        paletteSize = terminalColors < 8 ? 0 : min(allowed, terminalColors)
        self.hasDefaultColors = hasDefaultColors
    }

    /// Whether any colour is shown at all; without it only attributes are used.
    var usesColor: Bool { paletteSize > 0 }

    func foreground(_ color: CellColor) -> Int32 { number(for: color, fallback: 7) }

    func background(_ color: CellColor) -> Int32 { number(for: color, fallback: 0) }

    private func number(for color: CellColor, fallback: Int32) -> Int32 {
        guard usesColor else { return -1 }
        switch color {
        case .default:
            return hasDefaultColors ? -1 : fallback
        case .ansi(let index):
            return isDirect && index >= 8 ? packed(ANSIPalette.standard16[Int(index & 15)]) : palette(index)
        case .indexed(let index):
            if isDirect { return index < 8 ? Int32(index) : packed(ANSIPalette.colour256(index)) }
            return palette(index)
        case .rgb(let rgb):
            if isDirect { return packed(rgb) }
            return paletteSize >= 256 ? Int32(ANSIPalette.index256(for: rgb)) : palette(ANSIPalette.index16(for: rgb))
        }
    }

    /// A palette index the terminal has, rounding down to 16 then 8 colours.
    private func palette(_ index: UInt8) -> Int32 {
        if Int(index) < paletteSize { return Int32(index) }
        let sixteen = index < 16 ? index : ANSIPalette.index16(for: ANSIPalette.colour256(index))
        return Int32(Int(sixteen) < paletteSize ? sixteen : sixteen & 7)
    }

    /// Direct colour numbers 1-7 would be read as ANSI colours; 8 is indistinguishable from them.
    private func packed(_ rgb: RGB) -> Int32 {
        let value = Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b)
        return (1..<8).contains(value) ? 8 : value
    }
}
