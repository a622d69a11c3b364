import Foundation
import Gallery
import ImageCodec
import PixtermCore
import TerminalGraphics

/// Draws gallery previews as half blocks off the UI thread and keeps the recent ones, so moving
/// through the list never waits for a decode and going back to an image is instant.
final class PreviewLoader: Sendable {
    private struct Key: Hashable {
        let path: String
        let columns: Int
        let rows: Int
    }

    /// More than a screen of grid thumbnails at any likely size (63 at 200x60, 168 at 300x100),
    /// so those on screen never push each other out; few enough that paging fast through the
    /// grid drops the screens passed before their decodes start (`BackgroundCache`).
    private let cache = BackgroundCache<Key, PreviewState>(capacity: 256)
    private let renderer: PreviewRenderer

    init(renderer: PreviewRenderer) { self.renderer = renderer }

    /// The preview if ready; otherwise starts drawing it and calls `ready` when done.
    func state(for item: GalleryEntry, area: GridSize, ready: @escaping @Sendable () -> Void) -> PreviewState {
        let renderer = renderer
        let key = Key(path: item.url.path, columns: area.columns, rows: area.rows)
        return cache.value(for: key, ready: ready) { key in
            do throws(ImageCodecError) {
                return .ready(try renderer.cells(contentsOf: URL(fileURLWithPath: key.path), maxColumns: key.columns, maxRows: key.rows))
            } catch {
                return .failed(error.description)
            }
        } ?? .loading
    }
}
