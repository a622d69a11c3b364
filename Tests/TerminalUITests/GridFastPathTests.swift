import TerminalGraphics
@testable import TerminalUI
import Testing

/// The grid's fast paths (ASCII text by bytes, rules measured once, cells as plain bytes) must
/// draw exactly what the general per-grapheme path draws.
@Suite("CellGrid fast paths match the general path")
struct GridFastPathTests {
    let style = CellStyle(foreground: .ansi(2), attributes: [.bold])

    /// The cells of `text` drawn by the per-grapheme path: a leading "é" (in a column left out
    /// of the comparison) keeps the string from being all ASCII.
    func generalPath(_ text: String, columns: Int, limit: Int?) -> [ScreenCell] {
        var grid = CellGrid(size: GridSize(columns: columns + 2, rows: 1))
        grid.put("é" + text, row: 0, column: 1, style: style, limit: limit.map { $0 + 2 })
        return (2..<columns + 2).map { grid[0, $0] }
    }

    /// The cells of `text` drawn by the ASCII byte path, in the same columns.
    func fastPath(_ text: String, columns: Int, limit: Int?) -> [ScreenCell] {
        var grid = CellGrid(size: GridSize(columns: columns + 2, rows: 1))
        grid.put(text, row: 0, column: 2, style: style, limit: limit.map { $0 + 2 })
        return (2..<columns + 2).map { grid[0, $0] }
    }

    @Test(arguments: [
        "hello world", "a\u{1B}[31mb\tc\n", "line\r\nnext", "\u{7F}del", "", "   ", "x", "~!@#$%^&*()_+{}|:<>?",
    ])
    func asciiTextDrawsLikeTheGeneralPath(text: String) {
        for columns in [1, 4, 12] {
            for limit in [nil, 2, 6] {
                #expect(fastPath(text, columns: columns, limit: limit) == generalPath(text, columns: columns, limit: limit))
            }
        }
    }

    @Test func asciiOverAWideCharacterBlanksItsOtherHalf() {
        var fast = CellGrid(size: GridSize(columns: 6, rows: 1)), general = fast
        fast.put("漢字漢", row: 0, column: 0, style: style)
        general.put("漢字漢", row: 0, column: 0, style: style)
        fast.put("ab", row: 0, column: 1, style: .plain)
        general.put("a", row: 0, column: 1, style: .plain)
        general.put("b", row: 0, column: 2, style: .plain)
        #expect(fast == general)
        #expect(fast.rows() == [" ab 漢"])
    }

    @Test func rulesMatchRepeatedPuts() {
        for (column, width) in [(0, 10), (3, 4), (8, 5), (-1, 3), (2, 0), (4, -2)] {
            var rule = CellGrid(size: GridSize(columns: 10, rows: 3)), put = rule
            rule.hline(row: 1, column: column, width: width, style: style)
            put.put(String(repeating: "─", count: max(0, width)), row: 1, column: column, style: style, limit: column + width)
            #expect(rule == put, "hline at \(column) width \(width)")
        }
        for (row, height, column) in [(0, 3, 0), (1, 5, 9), (-2, 4, 3), (0, 3, 10), (0, 2, -1)] {
            var rule = CellGrid(size: GridSize(columns: 10, rows: 3)), put = rule
            rule.vline(row: row, column: column, height: height, style: style)
            for at in row..<(row + max(0, height)) { put.put("│", row: at, column: column, style: style) }
            #expect(rule == put, "vline at \(row),\(column) height \(height)")
        }
    }

    @Test(arguments: ["a", "é", "e\u{301}", "漢", "👍🏽", "❤️", "🇯🇵", "👨‍👩‍👧‍👦", "👩🏽‍💻", "🏳️‍🌈", "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}"])
    func cellsKeepTheirGraphemeExactly(grapheme: Character) {
        let cell = ScreenCell(grapheme: grapheme, style: style, width: 2)
        #expect(cell.grapheme == grapheme)
        #expect(Array(cell.grapheme.utf8) == Array(grapheme.utf8))
        #expect(cell == ScreenCell(grapheme: grapheme, style: style, width: 2))
        #expect(cell.hashValue == ScreenCell(grapheme: grapheme, style: style, width: 2).hashValue)
    }

    @Test func longClustersStayDistinct() {
        let family: Character = "👨‍👩‍👧‍👦", otherFamily: Character = "👨‍👩‍👦‍👦"
        #expect(family.utf8.count > 15 && otherFamily.utf8.count > 15)
        let one = ScreenCell(grapheme: family, style: style, width: 2), other = ScreenCell(grapheme: otherFamily, style: style, width: 2)
        #expect(one != other)
        #expect(one.grapheme == family && other.grapheme == otherFamily)
    }

    /// The diff sends a cell again when its bytes change, even to a canonically equivalent form:
    /// the terminal then shows exactly the grid's text.
    @Test func canonicallyEquivalentFormsAreDifferentCells() {
        let composed = ScreenCell(grapheme: "\u{E9}", style: style, width: 1)
        let decomposed = ScreenCell(grapheme: "e\u{301}", style: style, width: 1)
        #expect(composed != decomposed)
        #expect(Array(decomposed.grapheme.utf8) == Array("e\u{301}".utf8))
    }
}

/// Cells store their style packed into an integer; every style must come back unchanged, and
/// different styles must stay different cells.
@Suite struct PackedStyleTests {
    static let colors: [CellColor] = [.default, .ansi(0), .ansi(15), .indexed(0), .indexed(255), .rgb(RGB(0, 0, 0)), .rgb(RGB(255, 255, 255)), .rgb(RGB(1, 2, 3))]

    @Test func everyStyleRoundTripsAndDistinctStylesStayDistinct() {
        var seen: [UInt64: CellStyle] = [:]
        for foreground in Self.colors {
            for background in Self.colors {
                for attributes in (0..<16).map({ CellAttributes(rawValue: UInt8($0)) }) {
                    let style = CellStyle(foreground: foreground, background: background, attributes: attributes)
                    #expect(CellStyle(packed: style.packed) == style)
                    #expect(ScreenCell.blank(style).style == style)
                    #expect(seen.updateValue(style, forKey: style.packed) == nil, "\(style) packs like another style")
                }
            }
        }
    }
}

/// The diff compares rows by their bytes, which is only right while a cell has no padding and
/// one encoding per value.
@Suite struct ScreenCellLayoutTests {
    @Test func aCellIsFourWordsWithoutPadding() {
        #expect(MemoryLayout<ScreenCell>.size == 32)
        #expect(MemoryLayout<ScreenCell>.stride == MemoryLayout<ScreenCell>.size)
    }

    @Test func equalCellsMadeDifferentWaysHaveEqualBytes() {
        let style = CellStyle(foreground: .rgb(RGB(1, 2, 3)), background: .ansi(4), attributes: [.dim])
        var grid = CellGrid(size: GridSize(columns: 4, rows: 1), style: style)
        grid.put("漢", row: 0, column: 0, style: style)
        grid.put("ab", row: 0, column: 1, style: style)  // cuts 漢 in half: its left half becomes a blank
        let pairs: [(ScreenCell, ScreenCell)] = [
            (ScreenCell.blank(style), ScreenCell(grapheme: " ", style: style, width: 1)),
            (grid[0, 0], ScreenCell.blank(style)),
            (grid[0, 1], ScreenCell(grapheme: "a", style: style, width: 1)),
            (ScreenCell(grapheme: "漢", style: style, width: 2).continuation, ScreenCell.blank(style).continuation),
        ]
        for (one, other) in pairs {
            #expect(one == other)
            #expect(withUnsafeBytes(of: one) { Array($0) } == withUnsafeBytes(of: other) { Array($0) })
        }
    }

    @Test func aChangeInAnyRowIsFoundAfterUnchangedRows() {
        var before = CellGrid(size: GridSize(columns: 5, rows: 4))
        before.put("hello", row: 0, column: 0, style: .plain)
        var after = before
        after.put("x", row: 3, column: 4, style: CellStyle(attributes: [.bold]))
        let changes = after.changes(since: before)
        #expect(changes.map(\.row) == [3] && changes.map(\.column) == [4])
        #expect(after.changes(since: after).isEmpty)
    }
}
