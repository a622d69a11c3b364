import Foundation
import PixapiKit

/// One gallery image as the browser shows it.
public struct GalleryItem: Hashable, Sendable, Identifiable {
    public let id: String
    public let path: String
    /// Empty for an image dropped into the folder without a sidecar.
    public let prompt: String
    public let model: String?
    public let size: String
    public let quality: String?
    public let created: Date
    public let credits: Int?
    /// The request that made it, when the sidecar has one: what "reuse" and "edit" start from.
    public let request: ImageRequest?

    public init(
        id: String, path: String, prompt: String, model: String?, size: String, quality: String?, created: Date,
        credits: Int?, request: ImageRequest?
    ) {
        self.id = id
        self.path = path
        self.prompt = prompt
        self.model = model
        self.size = size
        self.quality = quality
        self.created = created
        self.credits = credits
        self.request = request
    }
}

/// The gallery screen: a page of items, the selection, the filter being typed, and deletions
/// that can still be undone.
public struct GalleryBrowser: Hashable, Sendable {
    public var items: [GalleryItem] = []
    public var total = 0
    public var selected = 0
    /// The filter in force (what the list shows).
    public var filter = ""
    /// Non-nil while the user types a filter after `/`.
    public var filterDraft: String?
    public var isLoading = false
    /// Deleted items, newest last, for `u` (undo).
    public var trash: [GalleryItem] = []
    /// The selected image fills the screen (`v` or Enter); Esc goes back to the list. Only
    /// while there is an image to show.
    public internal(set) var isViewing = false

    public init() {}

    public var selectedItem: GalleryItem? { items.indices.contains(selected) ? items[selected] : nil }

    mutating func move(by delta: Int) {
        guard !items.isEmpty else { return }
        selected = min(max(selected + delta, 0), items.count - 1)
    }
}
