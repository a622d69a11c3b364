import Foundation
import ImageCodec
import TerminalGraphics

/// Encodes pixel pictures (kitty, iTerm2, sixel) off the UI thread and keeps them for a few
/// screens of a grid. A picture is a file at a slot's size, wherever the slot is: a thumbnail
/// that moves to another cell as the grid scrolls is the same picture, with the same kitty image
/// id, so the terminal gets its data once. Thumbnails come from the disk cache when it holds
/// them; otherwise the file is decoded at about the size the slot needs and scaled to its
/// pixels, so a 1024x1024 original costs only what the cells can show (SSH traffic stays small).
final class PixelLoader: Sendable {
    struct PictureKey: Hashable, Sendable {
        var path: String
        var columns: Int
        var rows: Int

        init(_ overlay: PixelOverlay) {
            (path, columns, rows) = (overlay.path, overlay.slot.rect.width, overlay.slot.rect.height)
        }
    }

    /// Room for a grid screen of up to 50 thumbnails, the screens either side of it and the
    /// single previews; below the 255 image ids that kitty placeholders can name in any tmux.
    static let capacity = 160
    /// Pictures of up to this many pixels (grid and list thumbnails) are kept on disk; larger
    /// ones (the full-screen view, one at a time) would cost megabytes per entry.
    static let diskCachedPixels = 512 * 512

    private let cache: BackgroundCache<PictureKey, Result<EncodedPicture, ImageCodecError>>
    private let ids = ImageIDs()
    private let encoder: GraphicsEncoder
    private let thumbnails: ThumbnailCache?

    init(encoder: GraphicsEncoder, thumbnails: ThumbnailCache?) {
        self.encoder = encoder
        self.thumbnails = thumbnails
        let ids = ids
        cache = BackgroundCache(capacity: Self.capacity) { ids.free($0) }
    }

    /// `.pixels` with the cells the picture covers once encoded; otherwise starts the encoding
    /// and calls `ready` when done.
    func state(for overlay: PixelOverlay, ready: @escaping @Sendable () -> Void) -> PreviewState {
        let encoder = encoder, thumbnails = thumbnails, key = PictureKey(overlay), imageID = ids.id(for: key)
        let result = cache.value(for: key, ready: ready) { key in
            Result { () throws(ImageCodecError) in try Self.picture(key, encoder: encoder, thumbnails: thumbnails, imageID: imageID) }
        }
        switch result {
        case nil: return .loading
        case let .success(picture): return .pixels(Self.cells(of: picture, in: overlay.slot))
        case let .failure(error): return .failed(error.description)
        }
    }

    /// The picture where the slot shows it, if `state(for:)` already made it.
    func placed(_ overlay: PixelOverlay) -> PlacedPicture? {
        guard case let .success(picture) = cache.cached(PictureKey(overlay)) else { return nil }
        return PlacedPicture(picture: picture, cells: Self.cells(of: picture, in: overlay.slot))
    }

    /// The image ids of pictures dropped to make room since the last call: the terminal may
    /// free their data, and the ids will name other pictures.
    func takeReleasedIDs() -> [UInt32] { ids.takeReleased() }

    static func picture(_ key: PictureKey, encoder: GraphicsEncoder, thumbnails: ThumbnailCache?, imageID: UInt32) throws(ImageCodecError) -> EncodedPicture {
        let file = URL(fileURLWithPath: key.path)
        let box = (width: key.columns * encoder.cellSize.width, height: key.rows * encoder.cellSize.height)
        let disk = box.width * box.height <= diskCachedPixels ? thumbnails : nil
        let image: RGBAImage
        if let cached = disk?.image(for: file, pixelWidth: box.width, pixelHeight: box.height) {
            image = cached
        } else {
            let original = try ImageDecoder.decode(contentsOf: file, maxDimensionHint: max(box.width, box.height))
            image = encoder.sentPixels(of: original, maxColumns: key.columns, maxRows: key.rows)
            try? disk?.store(image, for: file, pixelWidth: box.width, pixelHeight: box.height)
        }
        return try encoder.picture(of: image, maxColumns: key.columns, maxRows: key.rows, imageID: imageID)
    }

    /// The full-screen view centres the picture in its slot; the others sit at the top-left.
    private static func cells(of picture: EncodedPicture, in slot: PreviewSlot) -> CellRect {
        slot.centered
            ? slot.rect.centered(width: picture.columns, height: picture.rows)
            : slot.rect.resized(width: picture.columns, height: picture.rows)
    }
}

/// kitty image ids 1...255, one per picture the loader keeps: small enough for placeholder
/// colours to survive any tmux setup, and more than the loader's capacity, so there is always
/// a free one. Freed ids are handed out again last (cycling), long after the terminal freed them.
private final class ImageIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var owners: [PixelLoader.PictureKey: UInt32] = [:]
    private var inUse = Set<UInt32>()
    private var released: [UInt32] = []
    private var last: UInt32 = 0

    func id(for key: PixelLoader.PictureKey) -> UInt32 {
        lock.withLock {
            if let id = owners[key] { return id }
            repeat { last = last % 255 + 1 } while inUse.contains(last)
            inUse.insert(last)
            owners[key] = last
            return last
        }
    }

    func free(_ key: PixelLoader.PictureKey) {
        lock.withLock {
            guard let id = owners.removeValue(forKey: key) else { return }
            inUse.remove(id)
            released.append(id)
        }
    }

    func takeReleased() -> [UInt32] {
        lock.withLock {
            defer { released = [] }
            return released
        }
    }
}
