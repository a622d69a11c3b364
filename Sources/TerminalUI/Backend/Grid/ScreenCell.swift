/// One terminal cell. A two-column grapheme sits in its left cell; the right cell is a
/// continuation that holds no text, so row and column arithmetic stays in display columns.
/// Plain data (no references), so building, copying and diffing whole frames stays cheap.
public struct ScreenCell: Sendable, Hashable {
    private let bytes: GraphemeBytes
    public internal(set) var style: CellStyle
    /// Columns the grapheme covers: 1 or 2, and 0 for the right half of a wide grapheme.
    public internal(set) var width: UInt8

    init(grapheme: Character, style: CellStyle, width: UInt8) {
        bytes = GraphemeBytes(grapheme)
        self.style = style
        self.width = width
    }

    /// A printable ASCII character (0x20-0x7E), one column wide.
    init(ascii byte: UInt8, style: CellStyle) {
        bytes = GraphemeBytes(ascii: byte)
        self.style = style
        width = 1
    }

    /// The grapheme shown here; a space for blank and continuation cells.
    public var grapheme: Character { bytes.character }

    public static func blank(_ style: CellStyle) -> ScreenCell { ScreenCell(ascii: UInt8(ascii: " "), style: style) }

    static func continuation(_ style: CellStyle) -> ScreenCell {
        var cell = ScreenCell(ascii: UInt8(ascii: " "), style: style)
        cell.width = 0
        return cell
    }

    public var isContinuation: Bool { width == 0 }

    /// Whether two cells are equal, first by their bytes: a frame's diff compares every cell
    /// and almost all are unchanged copies, which a few word loads confirm; cells whose bytes
    /// differ (possibly only in bytes no field uses) are then compared field by field.
    static func same(_ one: UnsafePointer<ScreenCell>, _ other: UnsafePointer<ScreenCell>) -> Bool {
        let first = UnsafeRawPointer(one), second = UnsafeRawPointer(other)
        let size = MemoryLayout<ScreenCell>.size
        var offset = 0
        while offset + 8 <= size {
            guard first.load(fromByteOffset: offset, as: UInt64.self) == second.load(fromByteOffset: offset, as: UInt64.self) else {
                return one.pointee == other.pointee
            }
            offset += 8
        }
        while offset < size {
            guard first.load(fromByteOffset: offset, as: UInt8.self) == second.load(fromByteOffset: offset, as: UInt8.self) else {
                return one.pointee == other.pointee
            }
            offset += 1
        }
        return true
    }
}
