import Foundation
import GRDB
import ImageCodec
import PixapiKit

/// The gallery folder: saves images with their sidecars atomically and answers queries through
/// its index. Several processes can use one gallery at once.
public final class GalleryStore: Sendable {
    public let root: URL
    let index: GalleryIndex
    let notice = IndexNotice()

    /// Opens (or creates) the gallery at `folder`. A new, unreadable or outdated index is rebuilt
    /// from the files; an existing one is used as is, so opening a large gallery stays fast: call
    /// `refresh()` after showing the first page to pick up changes made outside pixterm.
    /// `rebuildIfNeeded: false` is for a caller about to call `rebuild()` itself.
    ///
    /// A gallery that cannot be written (read-only mount or permissions, full disk) still opens
    /// for reading: see `indexNotice`.
    public init(folder: URL, rebuildIfNeeded: Bool = true) throws(GalleryError) {
        root = folder.standardizedFileURL
        let metadata = root.appendingPathComponent(GalleryLayout.metadataFolder)
        // Only saving needs staging: a read-only gallery can still be listed without it.
        _ = try? ContainedFolder.create(GalleryLayout.stagingFolder, in: root)
        let indexURL = metadata.appendingPathComponent("index.sqlite")
        // Creating, migrating, replacing and first filling the index happen one process at a
        // time: two pixterms starting on a new gallery would otherwise both create its tables,
        // and one would take the other's failure for a damaged index and delete it under it.
        let opening = FileLock(metadata.appendingPathComponent("index.lock"), wait: true)
        do {
            index = try Self.openIndex(at: indexURL, notice: notice)
        } catch {
            throw GalleryError(message: "cannot open the gallery index in \(metadata.path): \(error)")
        }
        cleanLeftovers()
        if rebuildIfNeeded, index.needsRebuild { _ = try rebuild() }
        withExtendedLifetime(opening) {}
    }

    /// The index file, replaced when damaged; when it cannot be written, a read-only or in-memory
    /// index, with a notice saying so.
    private static func openIndex(at indexURL: URL, notice: IndexNotice) throws -> GalleryIndex {
        do {
            return try GalleryIndex(path: indexURL)
        } catch let error as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            // The index is only a cache: a damaged one is replaced.
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexURL.path + suffix) }
            DirectorySync.sync(indexURL.deletingLastPathComponent())
            return try GalleryIndex(path: indexURL)
        } catch let error where GalleryIndex.isUnwritable(error) {
            let index = try GalleryIndex.unwritable(path: indexURL)
            notice.set(
                index.storage == .memory
                    ? "the gallery index in \(indexURL.deletingLastPathComponent().path) cannot be written (\(error)); it was built in memory for this run"
                    : "the gallery index in \(indexURL.deletingLastPathComponent().path) cannot be written (\(error)); showing it as last saved")
            return index
        }
    }

    /// Said once to the user when the index could not be written (read-only or full disk):
    /// listing works, but shows the index as last saved (or as built in memory for this run).
    public var indexNotice: String? { notice.value }

    /// Where downloads and decoded images wait until complete; on the gallery's filesystem so
    /// saving is a rename.
    public func stagingDirectory() throws(GalleryError) -> URL {
        // A real folder inside the gallery: a link there would have downloads written elsewhere.
        try ContainedFolder.create(GalleryLayout.stagingFolder, in: root)
    }

    /// Moves a complete image into the gallery with its sidecar.
    ///
    /// Order matters for crash safety: the sidecar is written first (a sidecar without its image
    /// is ignored and cleaned up), then the image is renamed into place (the commit point), then
    /// the index row is added (a cache that `refresh()` would rebuild anyway).
    ///
    /// Saving image `index` of a task that is already in the gallery keeps the existing copy and
    /// discards `file`: a resumed job whose earlier run died between saving and recording it in
    /// the journal does not store the image twice.
    ///
    /// The record's `created` (the local clock) places the image; `serverCreated` is only
    /// recorded in the sidecar.
    @discardableResult
    public func save(imageAt file: URL, record: ResultRecord) throws(GalleryError) -> GalleryEntry {
        if let taskID = record.taskID, let existing = try entry(taskID: taskID, index: record.index),
            FileManager.default.fileExists(atPath: existing.url.path)
        {
            try? FileManager.default.removeItem(at: file)
            return existing
        }
        guard let header = try? ImageHeader.read(contentsOf: file) else {
            try? FileManager.default.removeItem(at: file)
            throw GalleryError(message: "the result is not a PNG, JPEG or WebP image; nothing was saved")
        }
        let id = GalleryLayout.newID()
        let relative = GalleryLayout.relativePath(
            created: record.created, prompt: record.request.prompt, id: id, index: record.index, fileExtension: header.format.fileExtension
        )
        let destination = root.appendingPathComponent(relative)
        let sidecar = Sidecar(id: "\(id)-\(record.index)", record: record, header: header)
        let json: Data
        do { json = try Sidecar.encoder.encode(sidecar) } catch {
            throw GalleryError(message: "cannot encode the sidecar: \(error)")
        }
        // Every folder on the way must be a real one inside the gallery: a date folder that is a
        // link would put the image outside it.
        try ContainedFolder.create(Self.folder(of: relative), in: root)
        try AtomicFile.write(json, to: GalleryLayout.sidecarURL(for: destination), temporaryFolder: try stagingDirectory())
        do {
            try AtomicFile.move(file, to: destination)
        } catch {
            try? FileManager.default.removeItem(at: GalleryLayout.sidecarURL(for: destination))
            throw error
        }
        let entry = GalleryEntry(relativePath: relative, url: root.appendingPathComponent(relative), sidecar: sidecar.sanitized())
        try? index.pool.write { db in try GalleryIndex.upsert(entry, in: db) }
        return entry
    }

    // MARK: - Queries

    /// One page of the images `query` selects, in its order, and how many it selects in all.
    /// The text filter is full-text over prompts: every word must match as a prefix, and
    /// Chinese or Japanese text as written (see `SearchText`).
    public func page(_ query: GalleryQuery = GalleryQuery(), limit: Int, offset: Int = 0) throws(GalleryError) -> (entries: [GalleryEntry], total: Int) {
        let filter = Self.filter(query)
        // Unknown credits sort last: SQLite orders NULL below every number.
        let order =
            switch query.sort {
            case .newest: "created DESC, rowid DESC"
            case .oldest: "created ASC, rowid ASC"
            case .cost: "credits DESC, created DESC, rowid DESC"
            }
        return try readIndex { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM image \(filter.sql)", arguments: filter.arguments) ?? 0
            var pageArguments = filter.arguments
            _ = pageArguments.append(contentsOf: [limit, offset])
            // The page's rows are chosen from an index covering every filter and order
            // column, then only those are read whole: sorting thousands of matches by cost
            // then costs index entries, not rows.
            let entries = try GalleryEntry.fetchAll(
                db,
                sql: "SELECT * FROM image WHERE rowid IN (SELECT rowid FROM image \(filter.sql) ORDER BY \(order) LIMIT ? OFFSET ?) ORDER BY \(order)",
                arguments: pageArguments
            )
            return (entries.map(located), total)
        }
    }

    /// One read of the index, its failure said as a `GalleryError` (every query goes through it).
    func readIndex<T>(_ read: (Database) throws -> T) throws(GalleryError) -> T {
        do {
            return try index.pool.read(read)
        } catch {
            throw GalleryError(message: "gallery query failed: \(error)")
        }
    }

    /// The WHERE clause (empty when nothing narrows) and its arguments for `query`'s filters.
    /// The text filter is a set of row ids from the full-text index, so SQLite matches it once
    /// and never runs a full-text match per row of another filter's index (which took seconds
    /// for a model and a word at 100,000 images).
    private static func filter(_ query: GalleryQuery) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func require(_ condition: String, _ value: (any DatabaseValueConvertible)?) {
            guard let value else { return }
            conditions.append(condition)
            _ = arguments.append(contentsOf: [value])
        }
        require("rowid IN (SELECT rowid FROM image_fts WHERE image_fts MATCH ?)", SearchText.pattern(query.text))
        require("model = ?", query.model)
        require("size = ?", query.size)
        require("quality = ?", query.quality)
        require("created >= ?", query.since?.timeIntervalSince1970)
        require("created < ?", query.until?.timeIntervalSince1970)
        require("credits >= ?", query.minCredits)
        require("credits <= ?", query.maxCredits)
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// An image by id, by path relative to the gallery, or by absolute path.
    public func entry(matching key: String) throws(GalleryError) -> GalleryEntry? {
        let relative = key.hasPrefix(root.path + "/") ? String(key.dropFirst(root.path.count + 1)) : key
        return try entry(where: "id = ? OR path = ?", [key, relative])
    }

    /// Everything the sidecar records about an entry (revised prompt, request cost, task id...);
    /// `nil` for an image without a readable sidecar.
    /// Its text fields are sanitized (see `SidecarFile`).
    public func sidecar(for entry: GalleryEntry) -> Sidecar? {
        (try? SidecarFile.read(forImage: entry.url)) ?? nil
    }

    func entry(taskID: String, index imageIndex: Int) throws(GalleryError) -> GalleryEntry? {
        try entry(where: "taskID = ? AND imageIndex = ?", [taskID, imageIndex])
    }

    /// The first entry matching an SQL condition on the `image` table.
    private func entry(where condition: String, _ arguments: StatementArguments) throws(GalleryError) -> GalleryEntry? {
        try readIndex { db in try GalleryEntry.fetchOne(db, sql: "SELECT * FROM image WHERE \(condition)", arguments: arguments) }.map(located)
    }

    /// Images and credits per day, per month and per model, newest period first.
    public func stats() throws(GalleryError) -> GalleryStats {
        func rows(_ db: Database, _ key: String) throws -> [GalleryStats.Row] {
            try GRDB.Row.fetchAll(
                db,
                sql: """
                    SELECT \(key) AS k, COUNT(*) AS images, COALESCE(SUM(credits), 0) AS credits
                    FROM image GROUP BY k ORDER BY k DESC
                    """
            ).map { GalleryStats.Row(key: $0["k"] ?? "unknown", images: $0["images"], credits: $0["credits"]) }
        }
        return try readIndex { db in
            let totals = try GRDB.Row.fetchOne(db, sql: "SELECT COUNT(*) AS images, COALESCE(SUM(credits), 0) AS credits FROM image")
            return GalleryStats(
                byDay: try rows(db, "date(created, 'unixepoch', 'localtime')"),
                byMonth: try rows(db, "strftime('%Y-%m', created, 'unixepoch', 'localtime')"),
                byModel: try rows(db, "COALESCE(model, 'unknown')"),
                totalImages: totals?["images"] ?? 0, totalCredits: totals?["credits"] ?? 0
            )
        }
    }

    /// An entry read from the index, with `url` in this gallery's folder.
    func located(_ entry: GalleryEntry) -> GalleryEntry {
        var located = entry
        located.url = root.appendingPathComponent(entry.relativePath)
        return located
    }

    static func folder(of relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return "" }
        return String(relative[..<slash])
    }

    /// Removes temp files and staged downloads that a killed process left behind. Only
    /// `.pixterm/staging` is cleaned, which pixterm alone writes to; only files in it (never a
    /// folder, and a link is removed as a link, its target untouched); and only when `staging`
    /// is a real folder, not a link to somewhere else.
    private func cleanLeftovers() {
        let metadata = root.appendingPathComponent(GalleryLayout.metadataFolder)
        let staging = root.appendingPathComponent(GalleryLayout.stagingFolder)
        guard FolderListing.entries(of: metadata)?.contains(where: { $0.name == "staging" && $0.kind == .folder }) == true,
            let staged = FolderListing.entries(of: staging)
        else { return }
        let now = Date().timeIntervalSince1970
        for entry in staged where entry.kind != .folder {
            let file = staging.appendingPathComponent(entry.name)
            // Another process may still be downloading into staging: only clear old files.
            guard let modified = modificationTime(of: file), now - modified > Self.stagedLeftoverAge else { continue }
            unlink(file.path)
        }
    }

    /// How old a staged file must be before it counts as left by a killed process: a slow
    /// download may still be writing to it for a long while.
    static let stagedLeftoverAge: TimeInterval = 6 * 3600
}

/// A message for the user that the store sets at most once.
final class IndexNotice: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?

    var value: String? { lock.withLock { message } }

    func set(_ text: String) { lock.withLock { if message == nil { message = text } } }
}
