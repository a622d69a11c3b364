import Foundation
import Gallery

/// The gallery screen: a page of items, the selection, the filter being typed, and deletions
/// that can still be undone.
public struct GalleryBrowser: Hashable, Sendable {
    public var items: [GalleryEntry] = []
    public var total = 0
    public var selected = 0
    /// The filter in force (what the list shows).
    public var filter = ""
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
