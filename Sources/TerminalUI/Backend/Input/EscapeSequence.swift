/// The escape sequences terminals send that ncurses' terminfo may not list (xterm-style
/// modifiers, SS3 keypad keys), so keys work even with a sparse or wrong TERM.
enum EscapeSequence {
    /// The start of a bracketed paste, without its leading "\e[" and trailing "~".
    static let pasteStartParameters = "200"

    /// The key for `\e[` + `parameters` + `final`, or nil for sequences that mean nothing here.
    static func csi(parameters: String, final: Unicode.Scalar) -> KeyEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map(number)
        let modifiers = fields.count > 1 ? max(0, (fields[1] ?? 1) - 1) : 0
        let first = fields.first.flatMap { $0 }
        let key: KeyEvent?
        switch final {
        case "A": key = .up
        case "B": key = .down
        case "C": key = .right
        case "D": key = .left
        case "H": key = .home
        case "F": key = .end
        case "Z": key = .backTab
        case "P", "Q", "R", "S": key = .function(Int(final.value - 0x50) + 1)
        case "~": key = first.flatMap(tilde)
        default: key = nil
        }
        return key.map { applying(modifiers: modifiers, to: $0) }
    }

    /// The key for `\eO` + `final` (keypad and cursor keys in application mode).
    static func ss3(final: Unicode.Scalar) -> KeyEvent? {
        switch final {
        case "M": return .enter
        case "A", "B", "C", "D", "H", "F", "P", "Q", "R", "S": return csi(parameters: "", final: final)
        default: return nil
        }
    }

    /// A parameter as terminals send it, decimal digits only. A sign (`Int` would read
    /// `-9223372036854775808` and the modifier arithmetic then overflows) or an absurd length
    /// means nothing.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }

    private static func tilde(_ number: Int) -> KeyEvent? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        default: return nil
        }
    }

    /// xterm's modifier parameter minus one: 1 Shift, 2 Alt, 4 Ctrl. Only the combinations the
    /// app distinguishes survive; Shift and Ctrl on other keys fall back to the plain key.
    private static func applying(modifiers: Int, to key: KeyEvent) -> KeyEvent {
        let alt = modifiers & 2 != 0, ctrl = modifiers & 4 != 0
        var result = key
        if ctrl && key == .left { result = .ctrlLeft }
        if ctrl && key == .right { result = .ctrlRight }
        return alt ? .alt(result) : result
    }
}
