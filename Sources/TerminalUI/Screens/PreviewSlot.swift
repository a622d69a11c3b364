import PixtermCore
import TerminalGraphics

/// Where a preview goes: the cells it may fill, and whether it sits in their middle (the
/// full-screen view) or at the top-left (the gallery's detail panel, with text below it).
public struct PreviewSlot: Sendable, Hashable {
    public var rect: CellRect
    public var centered: Bool

    public init(rect: CellRect, centered: Bool) {
        self.rect = rect
        self.centered = centered
    }
}

/// What a screen knows of an item's preview: made by a background task, so the list never
/// waits for an image to decode.
public enum PreviewState: Sendable, Equatable {
    case loading
    /// Half blocks the frame draws itself.
    case ready([[HalfBlockCell]])
    /// A pixel picture is ready for these cells: the frame keeps them blank and the terminal
    /// draws over them after the flush.
    case pixels(CellRect)
    case failed(String)
}

/// A picture the terminal draws over the frame's blank cells after each flush (kitty, iTerm2,
/// sixel): which image in which slot. A grid has one per thumbnail on screen; there are none
/// while an overlay covers the screen.
public struct PixelOverlay: Sendable, Hashable {
    public var path: String
    public var slot: PreviewSlot

    public init(path: String, slot: PreviewSlot) {
        self.path = path
        self.slot = slot
    }
}

/// Draws half-block cells from the top-left of `area`, clipped to it, or as a character ramp
/// without colour.
enum PreviewCells {
    static func draw(_ cells: [[HalfBlockCell]], in area: CellRect, colorMode: ColorMode, into grid: inout CellGrid) {
        for (line, row) in cells.enumerated() where line < area.height {
            for (offset, cell) in row.enumerated() where offset < area.width {
                let column = area.column + offset
                if colorMode == .none {
                    grid.put(String(CharacterRamp.character(for: cell)), row: area.row + line, column: column, style: Theme.text)
                } else {
                    grid.put("▀", row: area.row + line, column: column, style: CellStyle(foreground: .rgb(cell.top), background: .rgb(cell.bottom)))
                }
            }
        }
    }
}
