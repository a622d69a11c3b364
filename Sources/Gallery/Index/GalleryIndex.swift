import Foundation
import GRDB
import PixapiKit

/// The SQLite cache over the gallery folder: fast listing, sorting and full-text search.
/// Deleting it loses nothing; `GalleryStore.rebuild()` makes it again from the files.
struct GalleryIndex: Sendable {
    /// v3: text from sidecars is sanitized before it is indexed, so an older index, which may
    /// hold escape sequences, is rebuilt. v4: the request's id and the edit's source (sheets and
    /// lineage), and indexes for the gallery's filters.
    static let schema = "v4"

    /// Where the index lives for this process.
    enum Storage: Sendable, Equatable {
        /// The file in `.pixterm/`, read and written.
        case file
        /// The file, opened read-only and immutable: the gallery cannot be written (read-only
        /// mount, permissions, full disk), so changes since it was last written are not seen.
        case readOnlyFile
        /// A copy built from the files for this process only, when not even that could be read.
        case memory
    }

    let pool: any DatabaseWriter
    let storage: Storage
    /// True when the index was just created, or had an older layout and was erased: the
    /// store fills it from the files before answering anything.
    let needsRebuild: Bool

    init(path: URL) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "pixterm-gallery"
        let pool = try DatabasePool(path: path.path, configuration: configuration)
        let applied = try pool.read { db in try Self.migrator.appliedIdentifiers(db) }
        needsRebuild = applied != [Self.schema]
        if needsRebuild, !applied.isEmpty {
            // Written by another pixterm version: a cache, so start over rather than convert.
            try pool.erase()
        }
        try Self.migrator.migrate(pool)
        self.pool = pool
        storage = .file
    }

    /// The index for a gallery that cannot be written: the file read-only when it is current,
    /// otherwise an in-memory index that the store fills from the files.
    ///
    /// A WAL database cannot be opened read-only where its `-shm` file cannot be created, unless
    /// it is opened `immutable`, which SQLite accepts only as a URI parameter.
    static func unwritable(path: URL) throws -> GalleryIndex {
        if let pool = try? readOnlyFile(path), let applied = try? pool.read({ db in try migrator.appliedIdentifiers(db) }), applied == [schema] {
            return GalleryIndex(pool: pool, storage: .readOnlyFile, needsRebuild: false)
        }
        var configuration = Configuration()
        configuration.label = "pixterm-gallery-memory"
        let memory = try DatabaseQueue(configuration: configuration)
        try migrator.migrate(memory)
        return GalleryIndex(pool: memory, storage: .memory, needsRebuild: true)
    }

    private init(pool: any DatabaseWriter, storage: Storage, needsRebuild: Bool) {
        self.pool = pool
        self.storage = storage
        self.needsRebuild = needsRebuild
    }

    private static func readOnlyFile(_ path: URL) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path.path),
            let escaped = path.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
        else { throw DatabaseError(resultCode: .SQLITE_CANTOPEN) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "pixterm-gallery-readonly"
        return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
    }

    /// Whether `error` says the index cannot be written (as opposed to being damaged): the
    /// gallery is then still read, from a read-only or in-memory index.
    static func isUnwritable(_ error: any Error) -> Bool {
        if error is GalleryError { return true }
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_PERM].contains(error.resultCode)
    }

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(schema) { db in
            try db.create(table: "image") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.column("id", .text).notNull().unique()
                t.column("path", .text).notNull().unique()
                t.column("folder", .text).notNull().indexed()
                t.column("prompt", .text).notNull()
                t.column("searchText", .text).notNull()
                t.column("model", .text)
                t.column("size", .text).notNull()
                t.column("quality", .text)
                t.column("created", .double).notNull()
                t.column("credits", .integer)
                t.column("format", .text)
                t.column("hasSidecar", .boolean).notNull()
                t.column("taskID", .text).indexed()
                t.column("imageIndex", .integer)
                t.column("request", .text)
                t.column("requestID", .text).indexed()
                t.column("source", .text).indexed()
            }
            // The filters' columns in two indexes, one per order: a page or a count under any mix
            // of filters reads one of them (never the wide rows) and looks up only the rows of
            // the page. `created` first serves newest/oldest and date ranges; `credits` first,
            // sort by cost and credit bounds (NULL credits sort last in DESC order).
            try db.create(index: "image_created_filters", on: "image", columns: ["created", "model", "size", "quality", "credits"])
            try db.create(index: "image_credits_filters", on: "image", columns: ["credits", "created", "model", "size", "quality"])
            try db.create(virtualTable: "image_fts", using: FTS5()) { t in
                t.synchronize(withTable: "image")
                t.tokenizer = .unicode61()
                t.column("searchText")
            }
            try db.create(table: "folder") { t in
                t.column("path", .text).primaryKey()
                t.column("mtime", .double).notNull()
            }
        }
        return migrator
    }()

    /// Adds or replaces the row for `entry.relativePath`. Two files claiming one id (an image and
    /// its sidecar copied elsewhere) both stay listed: the second gets an id derived from its path.
    static func upsert(_ entry: GalleryEntry, in db: Database) throws {
        // Cached statements (GRDB caches the inserts too): a rebuild runs this 100,000 times and
        // would otherwise spend a good part of its time parsing the same SQL.
        try db.cachedStatement(sql: "DELETE FROM image WHERE path = ?").execute(arguments: [entry.relativePath])
        try insertClaimingID(entry, in: db)
    }

    /// Adds the row for `entry`, whose path has no row: only the id can conflict, and a second
    /// file claiming an id gets one derived from its path (see `upsert`).
    static func insertClaimingID(_ entry: GalleryEntry, in db: Database) throws {
        try insert(entry, in: db)
        if db.changesCount == 0 {
            var copy = entry
            copy.id = entry.id + "-" + GalleryStore.stableHash(entry.relativePath)
            try db.cachedStatement(sql: "DELETE FROM image WHERE id = ?").execute(arguments: [copy.id])
            try insert(copy, in: db)
        }
    }

    /// The entry's coding keys, the `image` table's columns, in one order.
    private static let columns = GalleryEntry.CodingKeys.allCases
    private static let insertSQL =
        "INSERT INTO image (\(columns.map(\.stringValue).joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", "))) ON CONFLICT(id) DO NOTHING"

    /// `entry.insert(db, onConflict: .ignore)` through one cached statement, with the values
    /// taken straight from the entry (`GalleryEntry.databaseValue(of:)`): GRDB's insert makes its
    /// SQL, statement lookup and `Encodable` dictionary again for every row. (Given as optional
    /// existentials: GRDB's generic initializer reads each value through a key path, slowly.)
    private static func insert(_ entry: GalleryEntry, in db: Database) throws {
        let values: [(any DatabaseValueConvertible)?] = columns.map { entry.databaseValue(of: $0) }
        try db.cachedStatement(sql: insertSQL).execute(arguments: StatementArguments(values))
    }
}
