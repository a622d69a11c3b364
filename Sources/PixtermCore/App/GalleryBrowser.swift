import Foundation
import Gallery

/// The gallery screen: a window of the images the query selects, the selection, the filter
/// being typed, and deletions that can still be undone.
///
/// A gallery may hold 100,000 images; only a page of them (`AppState.galleryPageSize`) is loaded
/// at a time. `selected` counts among all `total` images, and `items` holds those from `offset`
/// on, so keys move over the whole gallery at once and the page around the selection follows in
/// the background.
public struct GalleryBrowser: Hashable, Sendable {
    public var items: [GalleryEntry] = []
    /// How many images the query selects in all; `items` holds those from `offset` on.
    public var total = 0
    /// Where `items` starts among all the images the query selects.
    public var offset = 0
    /// The selected image's index among all `total` (not within `items`).
    public var selected = 0
    /// The query in force (what the list shows): the text filter, the other filters, the order.
    public var query = GalleryQuery()
    /// The text filter in force.
    public var filter: String { query.text }
    /// Non-nil while the user types a filter after `/`.
    public var filterDraft: String?
    /// Non-nil while the filter bar (`f`) is open: the filters being chosen, not yet in force.
    public var filterBar: GalleryFilterBar?
    public var isLoading = false
    /// Deleted items, newest last, for `u` (undo).
    public var trash: [GalleryEntry] = []
    /// The selected image fills the screen (`v` or Enter); Esc goes back to the list. Only
    /// while there is an image to show.
    public internal(set) var isViewing = false
    /// A list or a grid of thumbnails (`g`).
    public var viewMode = GalleryViewMode.list
    /// The grid's shape and scroll position, kept in step with the terminal's size.
    public internal(set) var grid = GalleryGrid(columns: 3, rows: 2)
    /// The offset of a page asked for that has not arrived, so moving on does not ask again.
    var requestedOffset: Int?

    public init() {}

    public var selectedItem: GalleryEntry? { item(at: selected) }

    /// The image at `index` among all `total`, if its page is loaded.
    public func item(at index: Int) -> GalleryEntry? {
        items.indices.contains(index - offset) ? items[index - offset] : nil
    }

    mutating func move(by delta: Int) {
        select(selected + delta)
    }

    /// Selects `index`, kept within the gallery; the grid scrolls to show it.
    mutating func select(_ index: Int) {
        guard total > 0 else { return }
        selected = min(max(index, 0), total - 1)
        grid.reveal(selected)
    }

    /// Where a page of `pageSize` should start to hold the selection with room on both sides,
    /// or nil when the loaded page, or the one on its way, already does.
    func pageOffsetNeeded(pageSize: Int) -> Int? {
        guard total > 0 else { return nil }
        if serves(from: offset, count: items.count, pageSize: pageSize) { return nil }
        if let requestedOffset, serves(from: requestedOffset, count: min(pageSize, total - requestedOffset), pageSize: pageSize) { return nil }
        let wanted = min(max(0, selected - pageSize / 2), max(0, total - pageSize))
        return wanted == offset ? nil : wanted
    }

    /// Whether a page of `count` images from `start` holds the selection more than a quarter
    /// page from each of its edges that is not the gallery's own.
    private func serves(from start: Int, count: Int, pageSize: Int) -> Bool {
        let margin = pageSize / 4, end = start + count
        guard (start..<end).contains(selected) else { return false }
        return (start == 0 || selected - start >= margin) && (end >= total || end - selected > margin)
    }
}
