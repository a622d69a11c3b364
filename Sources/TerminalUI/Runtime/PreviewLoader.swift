import Foundation
import ImageCodec
import PixtermCore
import TerminalGraphics

/// Draws gallery previews off the UI thread and keeps the recent ones, so moving through the
/// list never waits for a decode and going back to an image is instant.
final class PreviewLoader: @unchecked Sendable {
    private struct Key: Hashable {
        let path: String
        let columns: Int
        let rows: Int
    }

    private let lock = NSLock()
    private var states: [Key: PreviewState] = [:]
    private var order: [Key] = []
    private let renderer: PreviewRenderer
    private let capacity = 64

    init(renderer: PreviewRenderer) { self.renderer = renderer }

    /// The preview if ready; otherwise starts drawing it and calls `ready` when done.
    func state(for item: GalleryItem, area: GridSize, ready: @escaping @Sendable () -> Void) -> PreviewState {
        let key = Key(path: item.path, columns: area.columns, rows: area.rows)
        let known: PreviewState? = lock.withLock {
            if let state = states[key] { return state }
            states[key] = .loading
            order.append(key)
            if order.count > capacity { states[order.removeFirst()] = nil }
            return nil
        }
        if let known { return known }
        let renderer = renderer
        Task.detached(priority: .userInitiated) { [weak self] in
            let result: PreviewState
            do throws(ImageCodecError) {
                result = .ready(try renderer.cells(contentsOf: URL(fileURLWithPath: key.path), maxColumns: key.columns, maxRows: key.rows))
            } catch {
                result = .failed(error.description)
            }
            guard let self else { return }
            lock.withLock { states[key] = result }
            ready()
        }
        return .loading
    }
}
