import Foundation
import Gallery

/// The gallery screen: a page of items, the selection, the filter being typed, and deletions
/// that can still be undone.
public struct GalleryBrowser: Hashable, Sendable {
    public var items: [GalleryEntry] = []
    /// How many images the query selects in all; `items` holds those from `offset` on.
    public var total = 0
    /// Where `items` starts among all the images the query selects.
    public var offset = 0
    public var selected = 0
    /// The query in force (what the list shows): the text filter, the other filters, the order.
    public var query = GalleryQuery()
    /// The text filter in force.
    public var filter: String { query.text }
    /// Non-nil while the user types a filter after `/`.
    public var filterDraft: String?
    public var isLoading = false
    /// Deleted items, newest last, for `u` (undo).
    public var trash: [GalleryEntry] = []
    /// The selected image fills the screen (`v` or Enter); Esc goes back to the list. Only
    /// while there is an image to show.
    public internal(set) var isViewing = false

    public init() {}

    public var selectedItem: GalleryEntry? { items.indices.contains(selected) ? items[selected] : nil }

    mutating func move(by delta: Int) {
        guard !items.isEmpty else { return }
        selected = min(max(selected + delta, 0), items.count - 1)
    }
}
