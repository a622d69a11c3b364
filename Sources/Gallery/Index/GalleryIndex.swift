import Foundation
import GRDB
import PixapiKit

/// The SQLite cache over the gallery folder: fast listing, sorting and full-text search.
/// Deleting it loses nothing; `GalleryStore.rebuild()` makes it again from the files.
struct GalleryIndex: Sendable {
    static let schema = "v2"

    let pool: DatabasePool
    /// True when the index was just created, or had an older layout and was erased: the
    /// store fills it from the files before answering anything.
    let needsRebuild: Bool

    init(path: URL) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "pixterm-gallery"
        pool = try DatabasePool(path: path.path, configuration: configuration)
        let applied = try pool.read { db in try Self.migrator.appliedIdentifiers(db) }
        needsRebuild = applied != [Self.schema]
        if needsRebuild, !applied.isEmpty {
            // Written by another pixterm version: a cache, so start over rather than convert.
            try pool.erase()
        }
        try Self.migrator.migrate(pool)
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
                t.column("created", .double).notNull().indexed()
                t.column("credits", .integer)
                t.column("format", .text)
                t.column("hasSidecar", .boolean).notNull()
                t.column("taskID", .text).indexed()
                t.column("imageIndex", .integer)
                t.column("request", .text)
            }
            try db.create(index: "image_model_created", on: "image", columns: ["model", "created"])
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

    struct Row: Sendable {
        var id: String
        var path: String
        var folder: String
        var prompt: String
        var model: String?
        var size: String
        var quality: String?
        var created: Double
        var credits: Int?
        var format: String?
        var hasSidecar: Bool
        var taskID: String?
        var imageIndex: Int?
        var request: String?

        static let columns = "id, path, folder, prompt, searchText, model, size, quality, created, credits, format, hasSidecar, taskID, imageIndex, request"

        var arguments: StatementArguments {
            [id, path, folder, prompt, SearchText.indexed(prompt), model, size, quality, created, credits, format, hasSidecar, taskID, imageIndex, request]
        }

        init(id: String, path: String, folder: String, prompt: String, model: String?, size: String, quality: String?,
             created: Double, credits: Int?, format: String?, hasSidecar: Bool, taskID: String?, imageIndex: Int?, request: String?) {
            self.id = id
            self.path = path
            self.folder = folder
            self.prompt = prompt
            self.model = model
            self.size = size
            self.quality = quality
            self.created = created
            self.credits = credits
            self.format = format
            self.hasSidecar = hasSidecar
            self.taskID = taskID
            self.imageIndex = imageIndex
            self.request = request
        }

        init(_ row: GRDB.Row) {
            id = row["id"]
            path = row["path"]
            folder = row["folder"]
            prompt = row["prompt"]
            model = row["model"]
            size = row["size"]
            quality = row["quality"]
            created = row["created"]
            credits = row["credits"]
            format = row["format"]
            hasSidecar = row["hasSidecar"]
            taskID = row["taskID"]
            imageIndex = row["imageIndex"]
            request = row["request"]
        }
    }

    /// Adds or replaces the row for `row.path`. Two files claiming one id (an image and its
    /// sidecar copied elsewhere) both stay listed: the second gets an id derived from its path.
    static func upsert(_ row: Row, in db: Database) throws {
        // Cached statements: a rebuild runs this 100,000 times and would otherwise spend a
        // good part of its time parsing the same SQL.
        try db.cachedStatement(sql: "DELETE FROM image WHERE path = ?").execute(arguments: [row.path])
        let insert = try db.cachedStatement(sql: "INSERT INTO image (\(Row.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING")
        try insert.execute(arguments: row.arguments)
        if db.changesCount == 0 {
            var copy = row
            copy.id = row.id + "-" + GalleryStore.stableHash(row.path)
            try db.cachedStatement(sql: "DELETE FROM image WHERE id = ?").execute(arguments: [copy.id])
            try insert.execute(arguments: copy.arguments)
        }
    }
}
