import Foundation
import ImageCodec

/// File to terminal picture in one call, the path behind `pixterm preview` and gallery tiles:
/// decode at the smallest size the codec allows, area-average to the cell grid, draw half blocks.
public struct PreviewRenderer: Sendable {
    public var renderer: HalfBlockRenderer
    public var cache: ThumbnailCache?

    public init(renderer: HalfBlockRenderer, cache: ThumbnailCache? = nil) {
        self.renderer = renderer
        self.cache = cache
    }

    /// Lines of at most `maxColumns` cells, at most `maxRows` lines, keeping the aspect ratio.
    public func render(contentsOf file: URL, maxColumns: Int, maxRows: Int) throws(ImageCodecError) -> [String] {
        let thumbnail = try thumbnail(of: file, maxColumns: maxColumns, maxRows: maxRows)
        return renderer.render(thumbnail, columns: thumbnail.width, rows: thumbnail.height / 2)
    }

    /// The cell grid for UIs that draw their own cells.
    public func cells(contentsOf file: URL, maxColumns: Int, maxRows: Int) throws(ImageCodecError) -> [[HalfBlockCell]] {
        let thumbnail = try thumbnail(of: file, maxColumns: maxColumns, maxRows: maxRows)
        return renderer.cells(thumbnail, columns: thumbnail.width, rows: thumbnail.height / 2)
    }

    /// The image downscaled to `columns` x `2 * rows` of the fitted grid, from the cache when it
    /// holds a current entry. A cache that cannot be written does not fail the preview.
    public func thumbnail(of file: URL, maxColumns: Int, maxRows: Int) throws(ImageCodecError) -> RGBAImage {
        let header = try? ImageHeader.read(contentsOf: file)
        if let header, let cached = cachedThumbnail(file, header, maxColumns, maxRows) { return cached }
        let hint = header.map { header in
            let grid = CellFit.fit(imageWidth: header.width, imageHeight: header.height, maxColumns: maxColumns, maxRows: maxRows)
            return max(grid.columns, 2 * grid.rows)
        }
        let thumbnail = try ImageDecoder.decodeDownscaled(contentsOf: file, maxDimensionHint: hint) { width, height in
            let grid = CellFit.fit(imageWidth: width, imageHeight: height, maxColumns: maxColumns, maxRows: maxRows)
            return (grid.columns, 2 * grid.rows)
        }
        try? cache?.store(thumbnail, for: file, columns: thumbnail.width, rows: thumbnail.height / 2)
        return thumbnail
    }

    private func cachedThumbnail(_ file: URL, _ header: ImageHeader, _ maxColumns: Int, _ maxRows: Int) -> RGBAImage? {
        let grid = CellFit.fit(imageWidth: header.width, imageHeight: header.height, maxColumns: maxColumns, maxRows: maxRows)
        return cache?.image(for: file, columns: grid.columns, rows: grid.rows)
    }
}
