import Foundation
@testable import Gallery
import GRDB
import PixapiKit
import Testing

/// `rebuild()` loads the index in bulk (indexes and full-text triggers dropped, rows inserted,
/// both made again) with row values taken straight from the entries. These tests hold it to the
/// row-by-row path `refresh()` still takes (GRDB's encoding of each entry, the triggers filling
/// the full-text index): the same rows, the same search results, the same schema.
@Suite struct RebuildEquivalenceTests {
    /// Saved images with requests, CJK and escape-laden prompts, a copy claiming an id already
    /// listed, a corrupt sidecar, an image without one, a file that is no image, a link.
    static func variedGallery() throws -> GalleryFixture {
        let fixture = try GalleryFixture()
        for offset in 0..<40 {
            try fixture.save(
                offset.isMultiple(of: 3) ? "赤い狐 \(offset) in snow" : "a lighthouse at dusk \(offset)", model: offset.isMultiple(of: 2) ? "gpt-image-2" : "gpt-image-1",
                created: day(Double(offset % 7), hour: Double(offset % 24)), credits: offset.isMultiple(of: 5) ? nil : offset, index: offset % 3,
                taskID: offset.isMultiple(of: 4) ? "task-\(offset)" : nil, size: offset.isMultiple(of: 2) ? .auto : .pixels(width: 1024, height: 1536), quality: .medium
            )
        }
        let original = try fixture.save("copied \u{1B}[31mred\u{1B}[0m fox", created: day(1))
        let copy = original.url.deletingLastPathComponent().appendingPathComponent("zz-copy.png")
        try FileManager.default.copyItem(at: original.url, to: copy)
        try FileManager.default.copyItem(at: GalleryLayout.sidecarURL(for: original.url), to: GalleryLayout.sidecarURL(for: copy))
        let corrupt = try fixture.save("corrupt sidecar", created: day(2))
        try Data("{\"id\": 12, oops".utf8).write(to: GalleryLayout.sidecarURL(for: corrupt.url))
        let edit = try fixture.save("an edit", created: day(3))
        let sidecar = #"{"id": "edit-1", "prompt": "an edit of \u72d0", "sourceImages": ["\#(original.url.path)"], "unknown": {"a": [1, 2.5e3, null]}}"#
        try Data(sidecar.utf8).write(to: GalleryLayout.sidecarURL(for: edit.url))
        let imports = fixture.folder.appendingPathComponent("imports")
        try FileManager.default.createDirectory(at: imports, withIntermediateDirectories: true)
        try GalleryFixture.imageData(width: 12, height: 9, format: .jpeg).write(to: imports.appendingPathComponent("holiday.jpg"))
        try GalleryFixture.setModified(imports.appendingPathComponent("holiday.jpg"), day(4))
        try Data("not a png".utf8).write(to: imports.appendingPathComponent("junk.png"))
        try FileManager.default.createSymbolicLink(at: imports.appendingPathComponent("link.png"), withDestinationURL: original.url)
        return fixture
    }

    /// Every row by path, every column but SQLite's rowid, and which paths each search finds.
    static func contents(of index: URL) throws -> (rows: [String: [String: DatabaseValue]], searches: [String: Set<String>], schema: [String]) {
        let queue = try DatabaseQueue(path: index.path)
        // A write, for FTS5's integrity check; nothing is changed.
        return try queue.write { db in
            var rows: [String: [String: DatabaseValue]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM image") {
                var values: [String: DatabaseValue] = [:]
                for column in row.columnNames where column != "rowid" { values[column] = row[column] }
                rows[row["path"]] = values
            }
            var searches: [String: Set<String>] = [:]
            for term in ["lighthouse", "dusk", "狐", "\"赤 い 狐\"", "snow*", "copied", "red", "edit"] {
                searches[term] = Set(
                    try String.fetchAll(db, sql: "SELECT path FROM image WHERE rowid IN (SELECT rowid FROM image_fts WHERE image_fts MATCH ?)", arguments: [term]))
            }
            try db.execute(sql: "INSERT INTO image_fts(image_fts) VALUES('integrity-check')")
            let schema = try String.fetchAll(db, sql: "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")
            return (rows, searches, schema)
        }
    }

    @Test func aBulkRebuildMakesTheIndexTheRowByRowPathMakes() throws {
        let fixture = try Self.variedGallery()
        let rebuiltProblems = try fixture.store.rebuild()
        let rebuilt = try Self.contents(of: fixture.indexURL)

        // The same folder, an empty index, filled by refresh(): one upsert per image.
        let reference = fixture.folder.deletingLastPathComponent().appendingPathComponent("reference-\(UUID().uuidString.prefix(6))")
        defer { try? FileManager.default.removeItem(at: reference) }
        // `cp -a`: an image without a sidecar is dated by its modification time.
        let copy = try Process.run(URL(fileURLWithPath: "/bin/cp"), arguments: ["-a", fixture.folder.path, reference.path])
        copy.waitUntilExit()
        #expect(copy.terminationStatus == 0)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: reference.appendingPathComponent(".pixterm/index.sqlite").path + suffix) }
        let store = try GalleryStore(folder: reference, rebuildIfNeeded: false)
        let refreshedProblems = try store.refresh()
        let refreshed = try Self.contents(of: reference.appendingPathComponent(".pixterm/index.sqlite"))

        #expect(rebuilt.rows.count == 45)
        for (path, row) in refreshed.rows {
            // Source paths are absolute in sidecars: each gallery sees its own.
            #expect(rebuilt.rows[path].map { $0.filter { $0.key != "source" } } == row.filter { $0.key != "source" }, "\(path)")
        }
        #expect(Set(rebuilt.rows.keys) == Set(refreshed.rows.keys))
        #expect(rebuilt.rows.values.contains { $0["source"] != .null }, "the edit's source is in the gallery")
        #expect(rebuilt.searches == refreshed.searches)
        #expect(rebuilt.searches["lighthouse"]?.count == 26 && rebuilt.searches["\"赤 い 狐\""]?.count == 14)
        #expect(rebuilt.schema == refreshed.schema)
        let relative = { (problems: [GalleryProblem], root: URL) in Set(problems.map { $0.path.replacingOccurrences(of: root.path, with: "") + ": " + $0.reason }) }
        #expect(relative(rebuiltProblems, fixture.folder) == relative(refreshedProblems, reference))
        #expect(rebuiltProblems.count == 3)
    }

    /// The triggers made again after the bulk load keep the full-text index in step with later
    /// saves and deletions.
    @Test func afterARebuildSavesAndDeletionsStillReachTheFullTextIndex() throws {
        let fixture = try Self.variedGallery()
        try fixture.store.rebuild()
        let saved = try fixture.save("a quiet harbour", created: day(5))
        #expect(try fixture.store.page(GalleryQuery(text: "harbour"), limit: 10).entries.map(\.id) == [saved.id])
        let lighthouse = try #require(try fixture.store.page(GalleryQuery(text: "lighthouse"), limit: 1).entries.first)
        try FileManager.default.removeItem(at: lighthouse.url)
        try fixture.store.refresh()
        #expect(try fixture.store.page(GalleryQuery(text: "lighthouse"), limit: 100).total == 25)
    }

    /// The values `rebuild()` binds are GRDB's encoding of the entry, column for column.
    @Test func rowValuesAreGRDBsEncodingOfTheEntry() throws {
        let fixture = try Self.variedGallery()
        try fixture.store.rebuild()
        let entries = try fixture.store.page(limit: 100).entries
        #expect(entries.count == 45)
        for entry in entries {
            let encoded = try entry.databaseDictionary
            for column in GalleryEntry.CodingKeys.allCases {
                #expect(entry.databaseValue(of: column) == encoded[column.stringValue], "\(column) of \(entry.relativePath)")
            }
        }
    }
}
