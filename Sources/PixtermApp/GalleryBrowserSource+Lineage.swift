import Foundation
import Gallery

extension GalleryBrowserSource {
    /// The image's parent, edits and siblings, for the details pane and `p`, `[`, `]`, `b`.
    public func lineage(of entry: GalleryEntry) throws -> GalleryLineage { try store.lineage(of: entry) }

    /// Where `entry` is among the images `query` selects (or all, when `query` hides it).
    public func locate(_ entry: GalleryEntry, in query: GalleryQuery, limit: Int) throws -> GalleryLocation {
        try store.locate(entry, in: query, limit: limit)
    }
}
