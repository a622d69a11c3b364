/// A key press or terminal event as screens see it, independent of how the terminal encoded it.
public indirect enum KeyEvent: Sendable, Hashable {
    /// A printable character typed (combining marks arrive on their own and join the text
    /// they are inserted after).
    case text(Character)
    /// Ctrl with a letter, as its lower-case letter; also Ctrl+Space (" ") and Ctrl+\ ] ^ _.
    /// Ctrl+H, Ctrl+I and Ctrl+M are indistinguishable from Backspace, Tab and Enter, but Ctrl+J
    /// arrives as `.ctrl("j")`, distinct from `.enter`, so it can insert a newline.
    case ctrl(Character)
    /// A key pressed with Alt (Meta), which terminals send as Esc followed by the key:
    /// `.alt(.text("b"))`, `.alt(.enter)`, `.alt(.left)`.
    case alt(KeyEvent)
    case enter, tab, backTab, backspace, delete, insert, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case ctrlLeft, ctrlRight
    /// F1...F12.
    case function(Int)
    /// Text pasted while bracketed paste is on, whole, with newlines as "\n". It may hold any
    /// character, including controls: sanitise before showing it.
    case paste(String)
    /// The terminal now has this size; the next frame is drawn in full.
    case resize(columns: Int, rows: Int)
    /// A mouse button or wheel report (only while the UI has turned mouse reporting on).
    case mouse(MouseEvent)

    /// Moves one word left in the conventions of readline and of the terminals that send Alt+b
    /// for Option+Left, so key maps can treat all three spellings alike.
    public var isWordLeft: Bool { self == .ctrlLeft || self == .alt(.left) || self == .alt(.text("b")) }

    /// The right-hand twin of `isWordLeft`.
    public var isWordRight: Bool { self == .ctrlRight || self == .alt(.right) || self == .alt(.text("f")) }
}
