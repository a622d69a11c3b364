/// Small builders for the control sequences every pixel method shares.
enum EscapeBytes {
    static let escape: UInt8 = 0x1B
    /// ESC [ (control sequence introducer), opening SGR, CUP and the like.
    static let controlSequenceIntroducer: [UInt8] = [0x1B, 0x5B]
    /// ESC \ (string terminator), closing APC, DCS and OSC strings.
    static let stringTerminator: [UInt8] = [0x1B, 0x5C]

    /// CUP: moves the cursor to a zero-based cell.
    static func moveCursor(column: Int, row: Int) -> [UInt8] {
        Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
    }

    /// DECSC / DECRC around `body`, so a curses library's idea of the cursor stays true.
    static func keepingCursor(_ body: [UInt8]) -> [UInt8] {
        [0x1B, 0x37] + body + [0x1B, 0x38]
    }

    /// Blanks a rectangle with ECH (erase characters), which does not move the cursor and so
    /// never scrolls, even at the bottom-right cell.
    static func erase(_ rect: CellRect) -> [UInt8] {
        keepingCursor(
            rect.rows.flatMap { row in
                moveCursor(column: rect.column, row: row) + Array("\u{1B}[\(rect.width)X".utf8)
            })
    }
}
