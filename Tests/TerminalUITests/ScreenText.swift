@testable import TerminalUI

/// What the screen tests compare: the cells as plain text.
extension CellGrid {
    /// Every row as text, continuations of wide characters omitted.
    func rows() -> [String] {
        (0..<size.rows).map { row in
            String(
                (0..<size.columns).compactMap { column in
                    let cell = self[row, column]
                    return cell.isContinuation ? nil : cell.grapheme
                })
        }
    }
}

extension Frame {
    /// The grid's rows without trailing blanks, one per line.
    var text: String { grid.rows().map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") }
}
