import ImageCodec

/// Draws an image with U+2580 UPPER HALF BLOCK: each cell's foreground is its upper pixel and
/// its background the lower one, doubling vertical resolution on any Unicode terminal.
public struct HalfBlockRenderer: Sendable {
    public var mode: ColorMode
    /// What transparent pixels are composed over: the terminal's own background, ideally.
    public var background: RGB

    public init(mode: ColorMode, background: RGB = .black) {
        self.mode = mode
        self.background = background
    }

    /// The cell grid for `image` shown in `columns` x `rows` cells. The image is area-averaged to
    /// `columns` x `2 * rows` pixels first unless it already has that size. Colours are exact
    /// (not reduced to the mode's palette) so a UI can do its own colour allocation.
    public func cells(_ image: RGBAImage, columns: Int, rows: Int) -> [[HalfBlockCell]] {
        guard columns > 0, rows > 0 else { return [] }
        let fitted =
            image.width == columns && image.height == 2 * rows
            ? image : image.downscaled(toWidth: columns, height: 2 * rows)
        return fitted.pixels.withUnsafeBufferPointer { pixels in
            func colour(_ x: Int, _ y: Int) -> RGB {
                let i = (y * columns + x) * 4
                return background.blending(r: pixels[i], g: pixels[i + 1], b: pixels[i + 2], alpha: pixels[i + 3])
            }
            return (0..<rows).map { row in
                (0..<columns).map { x in HalfBlockCell(top: colour(x, 2 * row), bottom: colour(x, 2 * row + 1)) }
            }
        }
    }

    /// One string per terminal row, each ending in an SGR reset so rows can be printed anywhere.
    public func render(_ image: RGBAImage, columns: Int, rows: Int) -> [String] {
        lines(cells(image, columns: columns, rows: rows))
    }

    /// Escape-sequence lines for an existing cell grid (for callers that cached the cells).
    public func lines(_ cells: [[HalfBlockCell]]) -> [String] {
        cells.map { row in
            mode == .none ? CharacterRamp.line(row) : SGRLineWriter.line(row, mode: mode)
        }
    }
}
