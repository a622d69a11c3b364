import Foundation
import Gallery
import PixtermCore

/// The gallery as the browser screen queries it: pages of `GalleryStore` entries, which
/// PixtermCore's browser state holds as they are.
public struct GalleryBrowserSource: Sendable {
    public let store: GalleryStore

    public init(store: GalleryStore) { self.store = store }

    /// `limit` items from `offset` of those `query` selects, and how many it selects in all.
    public func page(_ query: GalleryQuery, offset: Int, limit: Int) throws -> (entries: [GalleryEntry], total: Int) {
        try store.page(query, limit: limit, offset: offset)
    }

    /// Moves the item to the gallery's trash (undoable with `restore`).
    public func trash(_ item: GalleryEntry) throws { try store.remove(item.id) }

    public func restore(_ item: GalleryEntry) throws { try store.restore(item.id) }

    /// Notices files added or removed outside pixterm; called after the first page is shown.
    public func refresh() throws { try store.refresh() }
}
