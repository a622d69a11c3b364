/// One cell to send to the terminal: the left cell of a grapheme with its full content.
public struct CellChange: Sendable, Hashable {
    public let row: Int
    public let column: Int
    public let cell: ScreenCell
}

extension CellGrid {
    /// The cells that differ from `previous`, left to right and top to bottom, which is the order
    /// a terminal must receive them in for wide graphemes to land correctly. Continuations are
    /// never listed; a changed one lists its wide grapheme instead. With no previous frame, or
    /// one of another size, every cell is listed.
    public func changes(since previous: CellGrid?) -> [CellChange] {
        let comparable = previous?.size == size ? previous : nil
        var result: [CellChange] = []
        for row in 0..<size.rows {
            var lastListed = -1
            for column in 0..<size.columns {
                let cell = self[row, column]
                if let comparable, comparable[row, column] == cell { continue }
                let lead = cell.isContinuation && column > 0 ? column - 1 : column
                guard lead > lastListed, !self[row, lead].isContinuation else { continue }
                result.append(CellChange(row: row, column: lead, cell: self[row, lead]))
                lastListed = lead
            }
        }
        return result
    }
}
