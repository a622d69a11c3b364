/// How a cell is drawn when the system has no UTF-8 locale. ncurses can then send only
/// single-byte characters: box drawing becomes the terminal's own line-drawing set (ACS), a few
/// symbols the UI uses become their ASCII look-alikes, and any other grapheme a placeholder as
/// wide as the grapheme, so the columns after it stay where the grid put them.
enum SingleByteGlyph: Hashable {
    /// ASCII text exactly as wide as the grapheme.
    case text(String)
    /// An ACS character, named by its key in terminfo's `acsc` string ("q" is ACS_HLINE).
    case lineDrawing(UInt8)

    init(_ grapheme: Character, width: Int) {
        let columns = max(1, width)
        if grapheme.isASCII {
            self = .text(String(grapheme))
        } else if let key = Self.lineDrawingKeys[grapheme] {
            self = .lineDrawing(key)
        } else if let lookAlike = Self.asciiLookAlikes[grapheme], columns == 1 {
            self = .text(String(lookAlike))
        } else {
            self = .text(String(repeating: Self.placeholder, count: columns))
        }
    }

    /// Shown for a grapheme that cannot be drawn; the grapheme itself stays in the text.
    static let placeholder: Character = "?"

    private static let lineDrawingKeys: [Character: UInt8] = [
        "─": UInt8(ascii: "q"), "│": UInt8(ascii: "x"), "┌": UInt8(ascii: "l"), "┐": UInt8(ascii: "k"),
        "└": UInt8(ascii: "m"), "┘": UInt8(ascii: "j"), "├": UInt8(ascii: "t"), "┤": UInt8(ascii: "u"),
        "┬": UInt8(ascii: "w"), "┴": UInt8(ascii: "v"), "┼": UInt8(ascii: "n"),
        "↑": UInt8(ascii: "-"), "↓": UInt8(ascii: "."), "←": UInt8(ascii: ","), "→": UInt8(ascii: "+"),
        "◂": UInt8(ascii: ","), "▸": UInt8(ascii: "+"), "·": UInt8(ascii: "~"), "•": UInt8(ascii: "~"),
        "●": UInt8(ascii: "~"), "█": UInt8(ascii: "0"),
    ]

    /// Half blocks become a space: the cell's background still shows one of its two colours.
    private static let asciiLookAlikes: [Character: Character] = [
        "…": ".", "—": "-", "–": "-", "“": "\"", "”": "\"", "×": "x", "✖": "x", "✔": "+", "○": "o",
        "▀": " ", "▄": " ",
    ]
}
