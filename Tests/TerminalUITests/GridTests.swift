import TerminalGraphics
@testable import TerminalUI
import Testing

@Suite("CellGrid writes by display width")
struct GridTests {
    let plain = CellStyle.plain

    func grid(_ columns: Int, _ rows: Int = 1) -> CellGrid { CellGrid(size: GridSize(columns: columns, rows: rows)) }

    @Test func asciiClipsAtTheRightEdge() {
        var g = grid(5)
        #expect(g.put("hello world", row: 0, column: 2, style: plain) == 3)
        #expect(g.rows() == ["  hel"])
    }

    @Test func cjkTakesTwoCellsWithAContinuation() {
        var g = grid(6)
        #expect(g.put("漢字x", row: 0, column: 0, style: plain) == 5)
        #expect(g.rows() == ["漢字x "])
        #expect(g[0, 0].width == 2 && g[0, 1].isContinuation && g[0, 3].isContinuation)
        #expect(g[0, 4].grapheme == "x")
    }

    @Test func wideGraphemeStraddlingTheEdgeBecomesASpace() {
        var g = grid(4)
        #expect(g.put("ab漢", row: 0, column: 1, style: plain) == 3)
        #expect(g.rows() == [" ab "])
        #expect(!g[0, 3].isContinuation && g[0, 3].width == 1)
    }

    @Test func wideGraphemeStraddlingALimitBecomesASpace() {
        var g = grid(8)
        #expect(g.put("a漢字", row: 0, column: 0, style: plain, limit: 4) == 4)
        #expect(g.rows() == ["a漢     "])
    }

    @Test func emojiWithModifiersAndFlagsAreTwoColumnsEach() {
        var g = grid(8)
        #expect(g.put("👍🏽❤️🇯🇵", row: 0, column: 0, style: plain) == 6)
        #expect(g[0, 0].grapheme == "👍🏽" && g[0, 2].grapheme == "❤️" && g[0, 4].grapheme == "🇯🇵")
        #expect(g[0, 5].isContinuation && !g[0, 6].isContinuation)
    }

    @Test func combiningMarkStaysWithItsBaseAtTheLastColumn() {
        var g = grid(3)
        #expect(g.put("abe\u{301}z", row: 0, column: 0, style: plain) == 3)
        #expect(g[0, 2].grapheme == "e\u{301}")
        #expect(g.rows() == ["abe\u{301}"])
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var g = grid(10)
        #expect(g.put("a\u{1B}[31mb\tc\n", row: 0, column: 0, style: plain) == 7)
        #expect(g.rows() == ["a[31mbc   "])
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksItsLeftHalf() {
        var g = grid(4)
        g.put("漢字", row: 0, column: 0, style: plain)
        g.put("x", row: 0, column: 1, style: plain)
        #expect(g.rows() == [" x字"])
        #expect(!g[0, 0].isContinuation && g[0, 0].width == 1)
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksItsRightHalf() {
        var g = grid(4)
        g.put("漢字", row: 0, column: 0, style: plain)
        g.put("y", row: 0, column: 2, style: plain)
        #expect(g.rows() == ["漢y "])
        #expect(!g[0, 3].isContinuation)
    }

    @Test func wideOverAContinuationBlanksTheOldLead() {
        var g = grid(4)
        g.put("漢", row: 0, column: 0, style: plain)
        g.put("字", row: 0, column: 1, style: plain)
        #expect(g.rows() == [" 字 "])
    }

    @Test func fillBlanksWideCharactersItCutsAndKeepsTheRest() {
        var g = grid(6)
        g.put("漢字ab", row: 0, column: 0, style: plain)
        let marked = CellStyle(attributes: .reverse)
        g.fill(CellRect(row: 0, column: 1, width: 2, height: 3), style: marked)
        #expect(g.rows() == ["    ab"])
        #expect(g[0, 1].style == marked && g[0, 2].style == marked && g[0, 0].style == plain)
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var g = grid(3, 2)
        #expect(g.put("abc", row: 2, column: 0, style: plain) == 0)
        #expect(g.put("abc", row: -1, column: 0, style: plain) == 0)
        #expect(g.put("abc", row: 0, column: 3, style: plain) == 0)
        #expect(g.rows() == ["   ", "   "])
    }

    @Test func boxDrawsCornersEdgesAndAClippedTitle() {
        var g = grid(10, 3)
        g.box(CellRect(row: 0, column: 0, width: 10, height: 3), style: plain, title: "Gallery view")
        #expect(g.rows() == ["┌─ Galle─┐", "│        │", "└────────┘"])
    }

    @Test func theBoundsOfASizeAreTheWholeGrid() {
        #expect(GridSize(columns: 80, rows: 24).bounds == CellRect(row: 0, column: 0, width: 80, height: 24))
        #expect(GridSize(columns: -1, rows: 3).bounds.width == 0)
    }
}
