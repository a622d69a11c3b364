import TerminalGraphics

/// A colour as screens ask for it; the backend maps it to what the terminal can show, so a
/// screen never needs to know whether it runs on a 16-colour console or a truecolor emulator.
public enum CellColor: Sendable, Hashable {
    /// The terminal's own foreground or background (keeps transparent and themed terminals right).
    case `default`
    /// One of the 16 theme colours, 0-15; follows the user's terminal palette.
    case ansi(UInt8)
    /// An index of the xterm 256-colour palette.
    case indexed(UInt8)
    /// An exact colour, e.g. from an image; rounded to the nearest palette entry when needed.
    case rgb(RGB)
}
