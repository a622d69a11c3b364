import Foundation
import Gallery
import PixtermCore

/// The gallery as the browser screen queries it: pages of `GalleryStore` entries as the
/// `GalleryItem`s that PixtermCore's browser state holds.
public struct GalleryBrowserSource: Sendable {
    public let store: GalleryStore

    public init(store: GalleryStore) { self.store = store }

    /// The newest `limit` items matching `filter` (empty = all), and how many match in all.
    public func page(filter: String, limit: Int) throws -> (items: [GalleryItem], total: Int) {
        let (entries, total) = try store.page(filter: filter, limit: limit)
        return (entries.map(GalleryItem.init), total)
    }

    /// Moves the item to the gallery's trash (undoable with `restore`).
    public func trash(_ item: GalleryItem) throws { try store.remove(item.id) }

    public func restore(_ item: GalleryItem) throws { try store.restore(item.id) }

    /// Notices files added or removed outside pixterm; called after the first page is shown.
    public func refresh() throws { try store.refresh() }
}
