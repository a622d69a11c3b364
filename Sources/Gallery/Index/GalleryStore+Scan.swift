import Foundation
import GRDB
import ImageCodec

extension GalleryStore {
    /// Recreates the index from the files: what `pixterm gallery rebuild` runs. Returns the files
    /// that could not be read fully (a corrupt sidecar, say), which are indexed as far as possible.
    @discardableResult
    public func rebuild() throws(GalleryError) -> [GalleryProblem] {
        var problems: [GalleryProblem] = []
        var rows: [GalleryIndex.Row] = []
        var folders: [String: Double] = [:]
        scan(relativeFolder: "", recursive: true, rows: &rows, folders: &folders, problems: &problems)
        do {
            try index.pool.write { db in
                try db.execute(sql: "DELETE FROM image")
                try db.execute(sql: "DELETE FROM folder")
                for row in rows { try GalleryIndex.upsert(row, in: db) }
                for (path, mtime) in folders {
                    try db.execute(sql: "INSERT INTO folder (path, mtime) VALUES (?, ?)", arguments: [path, mtime])
                }
            }
        } catch {
            throw GalleryError(message: "cannot write the gallery index: \(error)")
        }
        return problems
    }

    /// Brings the index up to date with files added or removed outside pixterm. Cheap when
    /// nothing changed: it only compares the modification times of the folders it knows.
    @discardableResult
    public func refresh() throws(GalleryError) -> [GalleryProblem] {
        let known: [String: Double]
        do {
            known = try index.pool.read { db in
                Dictionary(uniqueKeysWithValues: try GRDB.Row.fetchAll(db, sql: "SELECT path, mtime FROM folder").map { ($0["path"] as String, $0["mtime"] as Double) })
            }
        } catch {
            throw GalleryError(message: "cannot read the gallery index: \(error)")
        }
        var queue = known.isEmpty ? [""] : Array(known.keys)
        var visited = Set<String>()
        var problems: [GalleryProblem] = []
        var changes: [(folder: String, mtime: Double?, rows: [GalleryIndex.Row])] = []
        while let folder = queue.popLast() {
            guard visited.insert(folder).inserted else { continue }
            let mtime = modificationTime(of: root.appendingPathComponent(folder))
            if let mtime, known[folder] == mtime { continue }
            guard let mtime else {
                changes.append((folder, nil, []))
                continue
            }
            var rows: [GalleryIndex.Row] = []
            var folders: [String: Double] = [:]
            scan(relativeFolder: folder, recursive: false, rows: &rows, folders: &folders, problems: &problems)
            for sub in folders.keys where sub != folder && !visited.contains(sub) { queue.append(sub) }
            changes.append((folder, mtime, rows))
        }
        guard !changes.isEmpty else { return problems }
        do {
            try index.pool.write { db in
                for change in changes {
                    let existing = Set(try String.fetchAll(db, sql: "SELECT path FROM image WHERE folder = ?", arguments: [change.folder]))
                    let present = Set(change.rows.map(\.path))
                    for gone in existing.subtracting(present) {
                        try db.execute(sql: "DELETE FROM image WHERE path = ?", arguments: [gone])
                    }
                    for row in change.rows where !existing.contains(row.path) { try GalleryIndex.upsert(row, in: db) }
                    if let mtime = change.mtime {
                        try db.execute(sql: "INSERT OR REPLACE INTO folder (path, mtime) VALUES (?, ?)", arguments: [change.folder, mtime])
                    } else {
                        try db.execute(sql: "DELETE FROM folder WHERE path = ?", arguments: [change.folder])
                        try db.execute(sql: "DELETE FROM image WHERE folder = ? OR folder LIKE ?", arguments: [change.folder, change.folder + "/%"])
                    }
                }
            }
        } catch {
            throw GalleryError(message: "cannot update the gallery index: \(error)")
        }
        return problems
    }

    /// Lists one folder: images become rows (from their sidecar, or from the file alone), and
    /// subfolders are recorded (and scanned too when `recursive`).
    private func scan(
        relativeFolder: String, recursive: Bool, rows: inout [GalleryIndex.Row], folders: inout [String: Double],
        problems: inout [GalleryProblem]
    ) {
        let directory = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        folders[relativeFolder] = modificationTime(of: directory) ?? 0
        for name in names.sorted() {
            if name.hasPrefix(".") { continue }  // .pixterm, .trash, temp files
            let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
            let url = directory.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if recursive {
                    scan(relativeFolder: relative, recursive: true, rows: &rows, folders: &folders, problems: &problems)
                } else {
                    folders[relative] = modificationTime(of: url) ?? 0
                }
            } else if GalleryLayout.isImage(url) {
                if let row = row(forImage: url, relative: relative, problems: &problems) { rows.append(row) }
            }
        }
    }

    private func row(forImage url: URL, relative: String, problems: inout [GalleryProblem]) -> GalleryIndex.Row? {
        let sidecarURL = GalleryLayout.sidecarURL(for: url)
        if let data = FileManager.default.contents(atPath: sidecarURL.path) {
            do {
                return Self.row(relative: relative, sidecar: try Sidecar.decoder.decode(Sidecar.self, from: data))
            } catch {
                problems.append(GalleryProblem(path: sidecarURL.path, reason: "unreadable sidecar (\(Self.describe(error))); indexed from the image alone"))
            }
        }
        guard let header = try? ImageHeader.read(contentsOf: url) else {
            problems.append(GalleryProblem(path: url.path, reason: "not a readable PNG, JPEG or WebP image; skipped"))
            return nil
        }
        return GalleryIndex.Row(
            id: "file-" + Self.stableHash(relative), path: relative, folder: Self.folder(of: relative), prompt: "", model: nil,
            size: "\(header.width)x\(header.height)", quality: nil, created: modificationTime(of: url) ?? 0, credits: nil,
            format: header.format.rawValue, hasSidecar: false, request: nil
        )
    }

    func modificationTime(of url: URL) -> Double? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    /// FNV-1a, so a file without a sidecar keeps the same id across rebuilds.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func describe(_ error: any Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error { return context.debugDescription }
        if case let DecodingError.keyNotFound(key, _) = error { return "missing \(key.stringValue)" }
        if case let DecodingError.typeMismatch(_, context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        return "\(error)"
    }
}
