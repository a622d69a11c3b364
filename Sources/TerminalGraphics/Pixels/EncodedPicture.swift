/// An image encoded once for one size of cells, to be shown at any place on the screen: a grid
/// moves its pictures as it scrolls, and showing one somewhere else costs a kitty placement (a
/// few bytes) or the encoded body (iTerm2, sixel), never a second decode or encode.
public struct EncodedPicture: Sendable {
    /// Names the image in the terminal (kitty); a UI gives every picture it keeps its own.
    public let imageID: UInt32
    /// The cells the picture covers; the image keeps its aspect ratio inside them.
    public internal(set) var columns = 0
    public internal(set) var rows = 0
    /// kitty: stores the data under `imageID` (with the virtual placement, for placeholders).
    /// Goes out once before the first draw; empty for the other methods.
    public internal(set) var upload: [UInt8] = []
    /// kitty: frees the stored data and every placement of it. Empty for the other methods.
    public let release: [UInt8]
    /// Drawn at the cursor: the kitty placement, the iTerm2 file or the sixel data.
    var body: [UInt8] = []
    /// Text rows drawn one under the other (half blocks, kitty placeholders).
    var lines: [String] = []
    /// kitty without placeholders: deletes the placement and keeps the data. nil blanks the
    /// cells instead, which removes pixels that live in the cells (iTerm2, sixel, placeholders).
    let deletePlacement: [UInt8]?

    /// Whether its pixels live in the cells (iTerm2, sixel, kitty placeholders), so text a curses
    /// library writes there (blanks it believes are there, to move the cursor cheaply) takes them
    /// away. A kitty placement floats over the text and only goes when deleted.
    public var livesInCells: Bool { deletePlacement == nil }

    /// The bytes that show the picture from the top-left cell of `rect` and take it away again.
    public func placement(in rect: CellRect) -> GraphicsPlacement {
        let cells = rect.resized(width: columns, height: rows)
        let rows = lines.enumerated().flatMap { index, line in
            (index == 0 ? [] : EscapeBytes.moveCursor(column: cells.column, row: cells.row + index)) + Array(line.utf8)
        }
        return GraphicsPlacement(
            imageID: imageID, upload: upload,
            draw: EscapeBytes.keepingCursor(EscapeBytes.moveCursor(column: cells.column, row: cells.row) + body + rows),
            erase: erase(cells), release: release, cells: cells
        )
    }

    /// Takes the picture away from `cells` (where `placement(in:)` put it), without making the
    /// bytes that draw it.
    public func erase(_ cells: CellRect) -> [UInt8] {
        deletePlacement ?? EscapeBytes.erase(cells)
    }

    /// For printing at the cursor in a scrolling terminal: the picture and a newline, leaving
    /// the cursor on the line below it.
    var inline: [UInt8] {
        upload + body + Array(lines.joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
    }
}
