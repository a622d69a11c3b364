import Foundation
import Gallery

/// What the gallery knows of the selected image's edit lineage (its source, its edits), loaded
/// in the background each time the selection changes, and the before/after comparison.
public struct LineageBrowser: Hashable, Sendable {
    /// The image whose lineage was asked for last: an answer about any other is stale.
    public internal(set) var requestedID: String?
    /// The last answer that was not stale.
    public internal(set) var loaded: GalleryLineage?
    /// A move to an image outside the loaded page, waiting for the gallery to find it.
    var pendingFocus: PendingFocus?
    /// The selected edit and its source side by side (`b`); nil when closed.
    public internal(set) var comparison: Comparison?

    public init() {}

    /// The lineage of `entry`, once loaded.
    public func lineage(of entry: GalleryEntry) -> GalleryLineage? {
        loaded?.entry.id == entry.id ? loaded : nil
    }
}

/// `p`, `[` or `]` asked for `target`, which is not on the loaded page, while `origin` was
/// selected. The answer counts only if the selection is still there; `note` says where it went.
struct PendingFocus: Hashable, Sendable {
    let target: String
    let origin: String
    let note: String
}

/// An edit and the image it was edited from, shown together: side by side, or one at a time
/// where the terminal is too narrow for two pictures.
public struct Comparison: Hashable, Sendable {
    public let before: GalleryEntry
    public let after: GalleryEntry
    /// Which one is shown when only one fits (Space or Tab switches).
    public internal(set) var showsBefore = false

    init(before: GalleryEntry, after: GalleryEntry) {
        self.before = before
        self.after = after
    }

    /// The image shown when only one fits.
    public var shown: GalleryEntry { showsBefore ? before : after }

    mutating func toggle() { showsBefore.toggle() }
}
