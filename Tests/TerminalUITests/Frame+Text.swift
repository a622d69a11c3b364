@testable import TerminalUI

extension Frame {
    /// The grid as text lines without trailing blanks: what the screen tests compare.
    var text: String { grid.rows().map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") }
}
