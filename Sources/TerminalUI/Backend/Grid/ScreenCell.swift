#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// and almost all are unchanged copies, which one `memcmp` confirms; cells that differ
    /// only in bytes no field uses are then compared field by field.
    static func same(_ one: UnsafePointer<ScreenCell>, _ other: UnsafePointer<ScreenCell>) -> Bool {
        memcmp(one, other, MemoryLayout<ScreenCell>.size) == 0 || one.pointee == other.pointee
    }
}
