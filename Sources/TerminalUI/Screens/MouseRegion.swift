import PixtermCore
import TerminalGraphics

/// A clickable area of a drawn frame and what it is. Views append them as they draw, in
/// drawing order, so an area drawn later (an item over its list) lies on top.
public struct MouseRegion: Sendable, Hashable {
    public var rect: CellRect
    public var target: MouseTarget

    public init(_ rect: CellRect, _ target: MouseTarget) {
        self.rect = rect
        self.target = target
    }

    /// The targets at `point`, topmost first, each with where the point lies in its area.
    static func hits(at point: GridPoint, in regions: [MouseRegion]) -> [MouseHit] {
        regions.reversed().compactMap { region in
            let rect = region.rect
            guard rect.rows.contains(point.row), rect.columns.contains(point.column) else { return nil }
            return MouseHit(
                target: region.target, row: point.row - rect.row, column: point.column - rect.column, width: rect.width, height: rect.height)
        }
    }
}
