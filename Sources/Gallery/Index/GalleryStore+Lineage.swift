import Foundation
import GRDB

/// An image's place in its edit lineage: the image it was edited from and the edits made from
/// it. Parent and children are linked by `GalleryEntry.source`, the edit's first source image
/// relative to the gallery.
public struct GalleryLineage: Sendable, Hashable {
    /// The image this lineage is of.
    public let entry: GalleryEntry
    /// The image `entry` was edited from; nil when it is not an edit of a gallery image, or when
    /// that image has left the gallery (then `entry.source` still names it).
    public let parent: GalleryEntry?
    /// Edits made from `entry`, newest first (at most `GalleryStore.lineageLimit`).
    public let children: [GalleryEntry]
    /// How many edits were made from `entry` in all.
    public let childCount: Int
    /// The edits made from `parent`, `entry` among them, newest first (at most
    /// `GalleryStore.lineageLimit`); empty without a parent.
    public let siblings: [GalleryEntry]

    public init(entry: GalleryEntry, parent: GalleryEntry?, children: [GalleryEntry], childCount: Int, siblings: [GalleryEntry]) {
        self.entry = entry
        self.parent = parent
        self.children = children
        self.childCount = childCount
        self.siblings = siblings
    }
}

/// Where the gallery found an image among those a query selects (`p`, `[` and `]` in the gallery):
/// `index` among all of them (nil when the image has left the gallery), with the page `items`
/// from `offset` that holds it, and how many the query selects in all.
public struct GalleryLocation: Hashable, Sendable {
    public let entryID: String
    public let index: Int?
    public let query: GalleryQuery
    public let items: [GalleryEntry]
    public let offset: Int
    public let total: Int

    public init(entryID: String, index: Int?, query: GalleryQuery, items: [GalleryEntry], offset: Int, total: Int) {
        self.entryID = entryID
        self.index = index
        self.query = query
        self.items = items
        self.offset = offset
        self.total = total
    }
}

extension GalleryStore {
    /// The most children or siblings a lineage lists: enough to step through, bounded in memory.
    public static let lineageLimit = 500

    /// The image `entry` was edited from, when it is still in the gallery.
    public func parent(of entry: GalleryEntry) throws(GalleryError) -> GalleryEntry? {
        try readIndex { db in try parent(of: entry, db) }
    }

    /// Edits made from `entry`, newest first, at most `limit`.
    public func children(of entry: GalleryEntry, limit: Int = lineageLimit) throws(GalleryError) -> [GalleryEntry] {
        try readIndex { db in try children(of: entry, limit: limit, db) }
    }

    /// How many edits were made from `entry`.
    public func childCount(of entry: GalleryEntry) throws(GalleryError) -> Int {
        try readIndex { db in try childCount(of: entry, db) }
    }

    /// `entry`'s parent, children and siblings in one answer, from one read of the index (it is
    /// asked for each time the gallery's selection moves).
    public func lineage(of entry: GalleryEntry) throws(GalleryError) -> GalleryLineage {
        try readIndex { db in
            let parent = try parent(of: entry, db)
            return GalleryLineage(
                entry: entry, parent: parent, children: try children(of: entry, limit: Self.lineageLimit, db), childCount: try childCount(of: entry, db),
                siblings: try parent.map { try children(of: $0, limit: Self.lineageLimit, db) } ?? []
            )
        }
    }

    /// How many images `query` selects ahead of `entry` in its order, not counting those level
    /// with it on the order's keys (the images of one request share their time): the entry, if
    /// the query selects it, is at this index or a few after. Counted with the query's own
    /// filters, so it holds for any combination of them.
    public func position(of entry: GalleryEntry, in query: GalleryQuery) throws(GalleryError) -> Int {
        func count(_ narrowed: GalleryQuery) throws(GalleryError) -> Int { try page(narrowed, limit: 0).total }
        /// `query` narrowed to images created after `entry`.
        func newer(_ query: GalleryQuery) -> GalleryQuery {
            var newer = query
            newer.since = max(query.since ?? .distantPast, Date(timeIntervalSince1970: entry.created.timeIntervalSince1970.nextUp))
            return newer
        }
        switch query.sort {
        case .newest:
            return try count(newer(query))
        case .oldest:
            var older = query
            older.until = min(query.until ?? .distantFuture, entry.created)
            return try count(older)
        case .cost:
            // Dearer first, then newest; images without a price last.
            var priced = query
            if let credits = entry.creditsPerImage {
                priced.minCredits = max(query.minCredits ?? .min, credits + 1)
                var level = query
                level.minCredits = max(query.minCredits ?? .min, credits)
                level.maxCredits = min(query.maxCredits ?? .max, credits)
                return try count(priced) + count(newer(level))
            }
            priced.minCredits = query.minCredits ?? .min
            var newerPriced = newer(query)
            newerPriced.minCredits = priced.minCredits
            return try count(priced) + count(newer(query)) - count(newerPriced)
        }
    }

    /// Where `entry` is among the images `query` selects, with the page of `limit` around it;
    /// among all images, in the same order, when `query` hides it. `index` is nil when the
    /// image has left the gallery.
    public func locate(_ entry: GalleryEntry, in query: GalleryQuery, limit: Int) throws(GalleryError) -> GalleryLocation {
        var candidates = [query]
        if !query.isEverything { candidates.append(GalleryQuery(sort: query.sort)) }
        var last = GalleryLocation(entryID: entry.id, index: nil, query: query, items: [], offset: 0, total: 0)
        for candidate in candidates {
            // The entry is at `position` or just after (images level with it in the order), so
            // a page starting half a page earlier holds it if the query selects it.
            let offset = max(0, try position(of: entry, in: candidate) - limit / 2)
            let page = try page(candidate, limit: limit, offset: offset)
            let index = page.entries.firstIndex { $0.id == entry.id }.map { offset + $0 }
            last = GalleryLocation(entryID: entry.id, index: index, query: candidate, items: page.entries, offset: offset, total: page.total)
            if index != nil { break }
        }
        return last
    }

    private func parent(of entry: GalleryEntry, _ db: Database) throws -> GalleryEntry? {
        guard let source = entry.source else { return nil }
        return try GalleryEntry.fetchOne(db, sql: "SELECT * FROM image WHERE path = ?", arguments: [source]).map(located)
    }

    private func children(of entry: GalleryEntry, limit: Int, _ db: Database) throws -> [GalleryEntry] {
        try GalleryEntry.fetchAll(
            db, sql: "SELECT * FROM image WHERE source = ? ORDER BY created DESC, rowid DESC LIMIT ?", arguments: [entry.relativePath, limit]
        ).map(located)
    }

    private func childCount(of entry: GalleryEntry, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM image WHERE source = ?", arguments: [entry.relativePath]) ?? 0
    }
}
