/// One terminal cell. A two-column grapheme sits in its left cell; the right cell is a
/// continuation that holds no text, so row and column arithmetic stays in display columns.
public struct ScreenCell: Sendable, Hashable {
    /// The grapheme shown here; a space for blank and continuation cells.
    public internal(set) var grapheme: Character
    public internal(set) var style: CellStyle
    /// Columns the grapheme covers: 1 or 2, and 0 for the right half of a wide grapheme.
    public internal(set) var width: UInt8

    init(grapheme: Character, style: CellStyle, width: UInt8) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    public static func blank(_ style: CellStyle) -> ScreenCell { ScreenCell(grapheme: " ", style: style, width: 1) }

    static func continuation(_ style: CellStyle) -> ScreenCell { ScreenCell(grapheme: " ", style: style, width: 0) }

    public var isContinuation: Bool { width == 0 }
}
