/// Terminal cells are about twice as tall as wide, so with two pixels per cell (half blocks)
/// each pixel is close to square.
public enum CellFit {
    /// The largest cell grid of at most `maxColumns` x `maxRows` that shows the whole image at its
    /// own aspect ratio, using `columns` x `2 * rows` pixels. Small images are enlarged to fill it.
    public static func fit(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int) -> (columns: Int, rows: Int) {
        guard imageWidth > 0, imageHeight > 0, maxColumns > 0, maxRows > 0 else { return (0, 0) }
        // Integer arithmetic, rounding halves up, so exact ratios such as 16:9 never land on the
        // wrong side of .5 through floating-point error.
        if maxColumns * imageHeight <= 2 * maxRows * imageWidth {
            let rows = (imageHeight * maxColumns + imageWidth) / (2 * imageWidth)
            return (maxColumns, min(maxRows, max(1, rows)))
        }
        let columns = (4 * imageWidth * maxRows + imageHeight) / (2 * imageHeight)
        return (min(maxColumns, max(1, columns)), maxRows)
    }
}
