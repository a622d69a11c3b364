import TerminalGraphics
import Testing

/// The rectangle helpers the screens lay out with: each is checked at the edges where the
/// inline arithmetic it replaced used to go wrong (odd leftovers, margins larger than the box).
@Suite struct CellRectTests {
    let box = CellRect(row: 2, column: 10, width: 20, height: 8)

    @Test func aNegativeSizeIsAnEmptyRectangle() {
        let rect = CellRect(row: 1, column: 1, width: -3, height: -1)
        #expect(rect.width == 0 && rect.height == 0)
        #expect(rect.rows.isEmpty && rect.columns.isEmpty)
    }

    @Test func edgesAreTheFirstCellsOutside() {
        #expect(box.bottom == 10 && box.right == 30)
        #expect(box.rows == 2..<10 && box.columns == 10..<30)
    }

    @Test func insetByOneIsTheInsideOfAFrame() {
        #expect(box.inset(by: 1) == CellRect(row: 3, column: 11, width: 18, height: 6))
    }

    @Test func insetTakesEachEdgeOnItsOwn() {
        #expect(box.inset(top: 1) == CellRect(row: 3, column: 10, width: 20, height: 7))
        #expect(box.inset(bottom: 2) == CellRect(row: 2, column: 10, width: 20, height: 6))
        #expect(box.inset(left: 1, right: 3) == CellRect(row: 2, column: 11, width: 16, height: 8))
    }

    @Test func aMarginLargerThanTheRectangleLeavesItEmptyButMovesItsCorner() {
        #expect(box.inset(top: 9, left: 25) == CellRect(row: 11, column: 35, width: 0, height: 0))
    }

    @Test func centeredPutsAnOddLeftoverBelowAndRight() {
        #expect(box.centered(width: 5, height: 3) == CellRect(row: 4, column: 17, width: 5, height: 3))
        #expect(box.centered(width: 20, height: 8) == box)
    }

    @Test func centeredKeepsTheTopLeftEdgeForASideLongerThanTheRectangle() {
        #expect(box.centered(width: 30, height: 3) == CellRect(row: 4, column: 10, width: 30, height: 3))
        #expect(box.centered(width: 4, height: 12) == CellRect(row: 2, column: 18, width: 4, height: 12))
    }

    @Test func resizedKeepsTheCornerAndChangesOnlyWhatIsGiven() {
        #expect(box.resized(height: 3) == CellRect(row: 2, column: 10, width: 20, height: 3))
        #expect(box.resized(width: 4) == CellRect(row: 2, column: 10, width: 4, height: 8))
    }

    @Test func lineIsOneFullWidthRow() {
        #expect(box.line(0) == CellRect(row: 2, column: 10, width: 20, height: 1))
        #expect(box.line(3) == CellRect(row: 5, column: 10, width: 20, height: 1))
    }

    @Test func splitColumnsLeavesTheGapBetweenTheParts() {
        let (left, right) = box.splitColumns(leftWidth: 6, gap: 1)
        #expect(left == CellRect(row: 2, column: 10, width: 6, height: 8))
        #expect(right == CellRect(row: 2, column: 17, width: 13, height: 8))
        #expect(left.right + 1 == right.column && right.right == box.right)
    }

    @Test func splitColumnsWiderThanTheRectangleLeavesNothingOnTheRight() {
        let (left, right) = box.splitColumns(leftWidth: 24, gap: 1)
        #expect(left.width == 24)
        #expect(right.width == 0)
    }
}
