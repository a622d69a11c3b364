import Testing
@testable import TerminalUI

@Suite("Frame diffing")
struct GridDiffTests {
    let size = GridSize(columns: 6, rows: 2)

    func frame(_ lines: [String], style: CellStyle = .plain) -> CellGrid {
        var grid = CellGrid(size: size)
        for (row, line) in lines.enumerated() { grid.put(line, row: row, column: 0, style: style) }
        return grid
    }

    @Test func identicalFramesSendNothing() {
        #expect(frame(["abc", "漢字"]).changes(since: frame(["abc", "漢字"])).isEmpty)
    }

    @Test func firstFrameSendsEveryCellButContinuations() {
        let changes = frame(["abc", "漢字"]).changes(since: nil)
        #expect(changes.count == 12 - 2)
        #expect(!changes.contains { $0.cell.isContinuation })
    }

    @Test func aResizedFrameIsSentWhole() {
        let smaller = CellGrid(size: GridSize(columns: 3, rows: 2))
        #expect(frame(["abc"]).changes(since: smaller).count == 12)
    }

    @Test func oneTypedCharacterIsOneChange() {
        let changes = frame(["abcd", "x"]).changes(since: frame(["abc", "x"]))
        #expect(changes == [CellChange(row: 0, column: 3, cell: frame(["abcd"])[0, 3])])
    }

    @Test func aWideCharacterReplacingTwoNarrowOnesIsSentOnce() {
        let changes = frame(["a漢"]).changes(since: frame(["abc"]))
        #expect(changes.map(\.column) == [1])
        #expect(changes.first?.cell.grapheme == "漢")
    }

    @Test func narrowCharactersReplacingAWideOneAreAllSentInOrder() {
        let changes = frame(["xyz"]).changes(since: frame(["x漢"]))
        #expect(changes.map(\.column) == [1, 2])
        #expect(changes.map(\.cell.grapheme) == ["y", "z"])
    }

    @Test func aStyleChangeAloneIsSent() {
        let bold = CellStyle(attributes: .bold)
        var after = frame(["abc"])
        after.put("b", row: 0, column: 1, style: bold)
        let changes = after.changes(since: frame(["abc"]))
        #expect(changes.count == 1 && changes[0].column == 1 && changes[0].cell.style == bold)
    }

    @Test func changesFollowScreenOrder() {
        let changes = frame(["zbcdez", "q"]).changes(since: frame(["abcde", "r"]))
        #expect(changes.map { [$0.row, $0.column] } == [[0, 0], [0, 5], [1, 0]])
    }
}
