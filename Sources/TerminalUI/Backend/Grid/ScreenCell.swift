/// One terminal cell. A two-column grapheme sits in its left cell; the right cell is a
/// continuation that holds no text, so row and column arithmetic stays in display columns.
/// Plain integers (no references, no enums), so building, copying and diffing whole frames
/// stays cheap.
///
/// Four whole words with no padding and one encoding per value, so two cells are equal exactly
/// when their bytes are, and a frame's rows can be compared with `memcmp` (see `changes`).
public struct ScreenCell: Sendable, Hashable {
    private let bytes: GraphemeBytes
    /// `style`, packed (see `CellStyle.packed`).
    private let packedStyle: UInt64
    /// `width` in a whole word, so no padding follows it.
    private var widthWord: UInt64

    init(grapheme: Character, style: CellStyle, width: UInt8) {
        bytes = GraphemeBytes(grapheme)
        packedStyle = style.packed
        widthWord = UInt64(width)
    }

    /// A printable ASCII character (0x20-0x7E), one column wide, in a style already packed.
    init(ascii byte: UInt8, packedStyle: UInt64) {
        bytes = GraphemeBytes(ascii: byte)
        self.packedStyle = packedStyle
        widthWord = 1
    }

    /// Columns the grapheme covers: 1 or 2, and 0 for the right half of a wide grapheme.
    public internal(set) var width: UInt8 {
        get { UInt8(truncatingIfNeeded: widthWord) }
        set { widthWord = UInt64(newValue) }
    }

    /// The grapheme shown here; a space for blank and continuation cells.
    public var grapheme: Character { bytes.character }

    public var style: CellStyle { CellStyle(packed: packedStyle) }

    public static func blank(_ style: CellStyle) -> ScreenCell { ScreenCell(ascii: UInt8(ascii: " "), packedStyle: style.packed) }

    /// A blank in this cell's style (what is left of a wide grapheme cut in half).
    var blanked: ScreenCell { ScreenCell(ascii: UInt8(ascii: " "), packedStyle: packedStyle) }

    /// The right half of this wide cell: no text, its style.
    var continuation: ScreenCell {
        var cell = blanked
        cell.width = 0
        return cell
    }

    public var isContinuation: Bool { width == 0 }
}
