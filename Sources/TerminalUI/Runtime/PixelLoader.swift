import Foundation
import ImageCodec
import TerminalGraphics

/// Encodes pixel pictures (kitty, iTerm2, sixel) off the UI thread: decodes the file at about
/// the size the slot needs and lets the encoder scale it to the slot's pixels, so a 1024x1024
/// original costs only what the cells can show (SSH traffic stays small). Each encoding gets a
/// fresh kitty image id.
final class PixelLoader: Sendable {
    private let cache = BackgroundCache<PixelOverlay, Result<GraphicsPlacement, ImageCodecError>>(capacity: 16)
    private let encoder: GraphicsEncoder
    private let ids = ImageIDs()

    init(encoder: GraphicsEncoder) { self.encoder = encoder }

    /// `.pixels` with the cells the picture covers once encoded; otherwise starts the encoding
    /// and calls `ready` when done.
    func state(for overlay: PixelOverlay, ready: @escaping @Sendable () -> Void) -> PreviewState {
        let encoder = encoder, ids = ids
        let result = cache.value(for: overlay, ready: ready) { overlay in
            Result { () throws(ImageCodecError) in try Self.placement(overlay, encoder: encoder, imageID: ids.next()) }
        }
        switch result {
        case nil: return .loading
        case let .success(placement): return .pixels(placement.cells)
        case let .failure(error): return .failed(error.description)
        }
    }

    /// The encoded picture, if `state(for:)` already made it.
    func placement(for overlay: PixelOverlay) -> GraphicsPlacement? {
        try? cache.cached(overlay)?.get()
    }

    static func placement(_ overlay: PixelOverlay, encoder: GraphicsEncoder, imageID: UInt32) throws(ImageCodecError) -> GraphicsPlacement {
        let rect = overlay.slot.rect, cell = encoder.cellSize
        let image = try ImageDecoder.decode(
            contentsOf: URL(fileURLWithPath: overlay.path), maxDimensionHint: max(rect.width * cell.width, rect.height * cell.height)
        )
        var target = rect
        if overlay.slot.centered {
            let fit = encoder.cells(imageWidth: image.width, imageHeight: image.height, maxColumns: rect.width, maxRows: rect.height)
            target = rect.centered(width: fit.columns, height: fit.rows)
        }
        return try encoder.placement(of: image, in: target, imageID: imageID)
    }
}

/// kitty image ids 1...255, cycling: small enough for placeholder colours to survive any tmux
/// setup, and with few pictures cached and one on screen, an id is long released before reuse.
private final class ImageIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var last: UInt32 = 0

    func next() -> UInt32 {
        lock.withLock {
            last = last % 255 + 1
            return last
        }
    }
}
