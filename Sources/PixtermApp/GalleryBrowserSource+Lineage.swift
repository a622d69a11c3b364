import Foundation
import Gallery
import PixtermCore

extension GalleryBrowserSource {
    /// The image's parent, edits and siblings, for the details pane and `p`, `[`, `]`, `b`.
    public func lineage(of entry: GalleryEntry) throws -> GalleryLineage { try store.lineage(of: entry) }

    /// Where `entry` is among the images `query` selects, with the page of `limit` around it;
    /// among all images when `query` hides it. `index` is nil when it has left the gallery.
    public func locate(_ entry: GalleryEntry, in query: GalleryQuery, limit: Int) throws -> GalleryLocation {
        var candidates = [query]
        if !query.isEverything { candidates.append(GalleryQuery(sort: query.sort)) }
        var last = (entries: [GalleryEntry](), total: 0, offset: 0)
        for candidate in candidates {
            // The entry is at `position` or just after (images level with it in the order), so
            // a page starting half a page earlier holds it if the query selects it.
            let offset = max(0, try store.position(of: entry, in: candidate) - limit / 2)
            let page = try store.page(candidate, limit: limit, offset: offset)
            last = (page.entries, page.total, offset)
            if let index = page.entries.firstIndex(where: { $0.id == entry.id }) {
                return GalleryLocation(entryID: entry.id, index: offset + index, query: candidate, items: page.entries, offset: offset, total: page.total)
            }
        }
        return GalleryLocation(entryID: entry.id, index: nil, query: candidates[candidates.count - 1], items: last.entries, offset: last.offset, total: last.total)
    }
}
