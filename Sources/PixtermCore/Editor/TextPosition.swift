/// A caret position in the buffer: a logical line (lines are separated by "\n") and a grapheme
/// offset within it, so the caret can never land inside a cluster.
public struct TextPosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var index: Int

    public init(line: Int, index: Int) {
        self.line = line
        self.index = index
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.index) < (rhs.line, rhs.index)
    }
}

/// A place in the soft-wrapped layout, in visual rows and display columns, which is what the
/// terminal layer needs to put its cursor.
public struct VisualPoint: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

/// One visual row ready to draw. Equatable so the terminal layer can compare against the last
/// frame and redraw only rows that changed.
public struct VisualRow: Sendable, Hashable {
    public let text: String
    /// Display columns of `text`; may be one more than the layout width when a space hangs.
    public let width: Int
}
