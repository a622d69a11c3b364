#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Through buffer pointers: the diff runs over every cell of every frame.
        cells.withUnsafeBufferPointer { cells in
            guard let previous, previous.size == size else { return Self.changes(in: cells, since: nil, size: size) }
            return previous.cells.withUnsafeBufferPointer { Self.changes(in: cells, since: $0, size: size) }
        }
    }

    private static func changes(
        in cells: UnsafeBufferPointer<ScreenCell>, since before: UnsafeBufferPointer<ScreenCell>?, size: GridSize
    ) -> [CellChange] {
        var result: [CellChange] = []
        let rowBytes = size.columns * MemoryLayout<ScreenCell>.stride
        for row in 0..<size.rows {
            let first = row * size.columns
            // Most rows are unchanged: one comparison of their bytes settles them (cells are
            // equal exactly when their bytes are, see `ScreenCell`).
            if let before, memcmp(before.baseAddress! + first, cells.baseAddress! + first, rowBytes) == 0 { continue }
            var lastListed = -1
            for column in 0..<size.columns {
                let cell = cells[first + column]
                if let before, before[first + column] == cell { continue }
                let lead = cell.isContinuation && column > 0 ? column - 1 : column
                guard lead > lastListed, !cells[first + lead].isContinuation else { continue }
                result.append(CellChange(row: row, column: lead, cell: cells[first + lead]))
                lastListed = lead
            }
        }
        return result
    }
}
