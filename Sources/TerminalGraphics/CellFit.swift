/// Terminal cells are about twice as tall as wide, so with two pixels per cell (half blocks)
/// each pixel is close to square.
public enum CellFit {
    /// The largest cell grid of at most `maxColumns` x `maxRows` that shows the whole image at its
    /// own aspect ratio, using `columns` x `2 * rows` pixels. Small images are enlarged to fill it.
    public static func fit(imageWidth: Int, imageHeight: Int, maxColumns: Int, maxRows: Int) -> (columns: Int, rows: Int) {
        guard imageWidth > 0, imageHeight > 0, maxColumns > 0, maxRows > 0 else { return (0, 0) }
        let scale = min(Double(maxColumns) / Double(imageWidth), Double(2 * maxRows) / Double(imageHeight))
        let columns = min(maxColumns, max(1, Int((Double(imageWidth) * scale).rounded())))
        let rows = min(maxRows, max(1, Int((Double(imageHeight) * scale / 2).rounded())))
        return (columns, rows)
    }
}
