/// A mouse report in SGR (1006) encoding, `CSI < b ; x ; y M` for a press and `... m` for a
/// release, as terminals send it once the UI turns on button reporting (1000) with SGR
/// coordinates (1006). Only buttons and the wheel are asked for, never motion, so a drag with
/// Shift (or any drag) stays the terminal's own text selection.
public struct MouseEvent: Sendable, Hashable {
    public enum Button: Sendable, Hashable {
        case left, middle, right, wheelUp, wheelDown
        /// Wheel left/right and the extra buttons 8 to 11: reported, used by nothing.
        case other
    }

    public struct Modifiers: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let shift = Modifiers(rawValue: 4)
        public static let alt = Modifiers(rawValue: 8)
        public static let ctrl = Modifiers(rawValue: 16)
    }

    public var button: Button
    /// The button went up (`m`); wheel notches only ever arrive as presses.
    public var isRelease: Bool
    /// The pointer moved with a button held (only sent in the motion modes, which the UI never
    /// turns on; kept so such a report is recognised and ignored rather than taken for a click).
    public var isMotion: Bool
    public var modifiers: Modifiers
    /// Zero-based cell, like `GridPoint` (the terminal counts from 1).
    public var column: Int
    public var row: Int

    public init(button: Button, isRelease: Bool = false, isMotion: Bool = false, modifiers: Modifiers = [], column: Int, row: Int) {
        self.button = button
        self.isRelease = isRelease
        self.isMotion = isMotion
        self.modifiers = modifiers
        self.column = column
        self.row = row
    }

    /// The largest coordinate taken: far past any real terminal, and small enough that no
    /// arithmetic on it can overflow.
    static let maxCoordinate = 100_000

    /// The event for the parameters after `<` and the final `M` or `m`, or nil when they are
    /// not exactly three plain decimal numbers in range (a truncated, overlong or forged report).
    static func sgr(parameters: Substring, final: Unicode.Scalar) -> MouseEvent? {
        guard final == "M" || final == "m" else { return nil }
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 3, let code = decimal(fields[0]), let x = decimal(fields[1]), let y = decimal(fields[2]),
            code <= 255, (1...maxCoordinate).contains(x), (1...maxCoordinate).contains(y)
        else { return nil }
        let button: Button
        switch (code & 64 != 0, code & 128 != 0, code & 3) {
        case (false, false, 0): button = .left
        case (false, false, 1): button = .middle
        case (false, false, 2): button = .right
        case (true, false, 0): button = .wheelUp
        case (true, false, 1): button = .wheelDown
        default: button = .other
        }
        return MouseEvent(
            button: button, isRelease: final == "m", isMotion: code & 32 != 0,
            modifiers: Modifiers(rawValue: code & 28), column: x - 1, row: y - 1)
    }

    /// Digits only, at most six of them: no sign, no spaces, nothing `Int` would overflow on.
    private static func decimal(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 6, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
