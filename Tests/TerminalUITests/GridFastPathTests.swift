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
