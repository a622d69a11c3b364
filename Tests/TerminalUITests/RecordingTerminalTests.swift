import Testing
import TerminalUI

@Suite("Recording terminal double")
struct RecordingTerminalTests {
    @Test func replaysTheScriptThenTimesOutAndTracksResizes() {
        let terminal = RecordingTerminal(
            size: GridSize(columns: 10, rows: 2),
            script: [.key(.text("a")), .key(.resize(columns: 20, rows: 5)), .wake])
        #expect(terminal.nextEvent(timeout: nil) == .key(.text("a")))
        #expect(terminal.nextEvent(timeout: nil) == .key(.resize(columns: 20, rows: 5)))
        #expect(terminal.size() == GridSize(columns: 20, rows: 5))
        #expect(terminal.nextEvent(timeout: nil) == .wake)
        #expect(terminal.nextEvent(timeout: .milliseconds(1)) == .timeout)
    }

    @Test func keepsFramesAndRawOutput() {
        let terminal = RecordingTerminal(size: GridSize(columns: 4, rows: 1))
        var grid = CellGrid(size: terminal.size())
        grid.put("hi", row: 0, column: 0, style: .plain)
        terminal.draw(grid, cursor: GridPoint(row: 0, column: 2))
        let clipboard = Array("\u{1B}]52;c;aGk=\u{7}".utf8)
        terminal.emit(rawBytes: clipboard)
        #expect(terminal.lastFrame?.rows() == ["hi  "])
        #expect(terminal.frames.last?.cursor == GridPoint(row: 0, column: 2))
        #expect(terminal.emitted == clipboard)
    }
}
