import Foundation
import GRDB

extension GalleryIndex {
    /// Replaces every row of the index with `entries` and `folders`, in one transaction: other
    /// processes, and a rebuild killed midway, see the old index or the complete new one.
    ///
    /// Built as a bulk load: the `image` table's secondary indexes and the triggers that keep
    /// the full-text index in step are dropped inside the transaction, the rows inserted, then
    /// the indexes made again from their own SQL (one sort each) and the full-text index filled
    /// in one pass (FTS5's `rebuild`). Row by row, each insert updated nine b-trees and the
    /// full-text index and journalled every page it touched for the statement (spilled to a temp
    /// file after the first big delete): most of a 100,000-image rebuild's time.
    ///
    /// `entries` is read as it is iterated, so the caller may still be reading files meanwhile;
    /// `finishing` is called once every entry is in.
    static func replaceContents(
        with entries: some Sequence<GalleryEntry>, folders: [String: Double], in writer: any DatabaseWriter, finishing: () -> Void = {}
    ) throws {
        try writer.writeWithoutTransaction { db in
            // A statement journal and the index sorts in memory, and a cache that holds the whole
            // new index, so each page is written once (to the WAL, at commit). Set outside the
            // transaction (SQLite reads `temp_store` when one begins) and put back after it.
            let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                try? db.execute(sql: "PRAGMA temp_store = \(tempStore)")
            }
            try db.inTransaction(.immediate) {
                let deferred = try Row.fetchAll(
                    db,
                    sql: "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'image' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY rowid"
                ).map { (type: $0["type"] as String, name: $0["name"] as String, sql: $0["sql"] as String) }
                for item in deferred { try db.execute(sql: "DROP \(item.type == "index" ? "INDEX" : "TRIGGER") \(item.name.quotedDatabaseIdentifier)") }
                try db.execute(sql: "DELETE FROM image")
                try db.execute(sql: "DELETE FROM folder")
                // The table is empty and a scan lists each path once: no row to replace by path.
                for entry in entries { try insertClaimingID(entry, in: db) }
                let folderInsert = try db.makeStatement(sql: "INSERT INTO folder (path, mtime) VALUES (?, ?)")
                for (path, mtime) in folders { try folderInsert.execute(arguments: [path, mtime]) }
                finishing()
                for item in deferred { try db.execute(sql: item.sql) }
                try db.execute(sql: "INSERT INTO image_fts(image_fts) VALUES('rebuild')")
                return .commit
            }
        }
    }
}
