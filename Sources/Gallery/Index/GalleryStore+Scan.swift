import Foundation
import GRDB
import ImageCodec

extension GalleryStore {
    /// Recreates the index from the files: what `pixterm gallery rebuild` runs. Returns the files
    /// that could not be read fully (a corrupt sidecar, say), which are indexed as far as possible.
    /// The whole index is replaced in one transaction, so other processes see the old index or
    /// the new one, never half of it.
    @discardableResult
    public func rebuild(progress: ((GalleryRebuildProgress) -> Void)? = nil) throws(GalleryError) -> [GalleryProblem] {
        var listing = Listing()
        scan(relativeFolder: "", recursive: true, isKnown: { _ in false }, into: &listing, listed: progress.map { report in { report(.listing(found: $0)) } })
        let reader = GalleryEntryReader(pending: listing.pending) { [self] item, problems in entry(forImage: item.url, relative: item.relative, problems: &problems) }
        defer { reader.stop() }
        var problems = listing.problems
        let entries = reader.entries(taken: { progress?(.reading(done: $0, total: reader.count)) }, problems: { problems += $0 })
        do {
            try GalleryIndex.replaceContents(
                with: entries, folders: listing.folders, in: index.pool, finishing: { progress?(.finishing(total: reader.count)) }
            )
        } catch {
            let why = GalleryIndex.isUnwritable(error) ? " (is the gallery folder read-only, or the disk full?)" : ""
            throw GalleryError(message: "cannot write the gallery index: \(error)\(why)")
        }
        return problems
    }

    /// Brings the index up to date with files added or removed outside pixterm. Cheap when
    /// nothing changed: it only compares the modification times of the folders it knows, and
    /// reads sidecars only for files it has not indexed yet.
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
        var changes: [(folder: String, mtime: Double?, listing: Listing)] = []
        while let folder = queue.popLast() {
            guard visited.insert(folder).inserted else { continue }
            let mtime = folderTime(folder)
            if let mtime, known[folder] == mtime { continue }
            guard mtime != nil else {
                changes.append((folder, nil, Listing()))
                continue
            }
            let indexed = try indexedPaths(in: folder)
            var listing = Listing()
            scan(relativeFolder: folder, recursive: false, isKnown: indexed.contains, into: &listing)
            readEntries(into: &listing)
            for sub in listing.folders.keys where sub != folder && !visited.contains(sub) { queue.append(sub) }
            problems += listing.problems
            changes.append((folder, listing.folders[folder], listing))
        }
        // A read-only index shows what it held when last written; `indexNotice` says so.
        guard !changes.isEmpty, index.storage != .readOnlyFile else { return problems }
        do {
            try index.pool.write { db in
                for change in changes {
                    let existing = Set(try String.fetchAll(db, sql: "SELECT path FROM image WHERE folder = ?", arguments: [change.folder]))
                    // A file saved by another process after this scan is not in its listing.
                    for gone in existing.subtracting(change.listing.images) where !FileManager.default.fileExists(atPath: root.appendingPathComponent(gone).path) {
                        try db.execute(sql: "DELETE FROM image WHERE path = ?", arguments: [gone])
                    }
                    for entry in change.listing.entries where !existing.contains(entry.relativePath) { try GalleryIndex.upsert(entry, in: db) }
                    if let mtime = change.mtime {
                        try db.execute(sql: "INSERT OR REPLACE INTO folder (path, mtime) VALUES (?, ?)", arguments: [change.folder, mtime])
                    } else {
                        // Compared as a prefix, not with LIKE, whose `_` and `%` may be in a folder name.
                        let prefix = change.folder + "/"
                        try db.execute(
                            sql: "DELETE FROM folder WHERE path = ? OR substr(path, 1, ?) = ?", arguments: [change.folder, prefix.utf8.count, prefix]
                        )
                        try db.execute(
                            sql: "DELETE FROM image WHERE folder = ? OR substr(folder, 1, ?) = ?", arguments: [change.folder, prefix.utf8.count, prefix]
                        )
                    }
                }
            }
        } catch let error where GalleryIndex.isUnwritable(error) {
            // A full disk: listing still works from the index as it was.
            notice.set("the gallery index could not be updated (\(error)); showing it as last saved")
        } catch {
            throw GalleryError(message: "cannot update the gallery index: \(error)")
        }
        return problems
    }

    private func indexedPaths(in folder: String) throws(GalleryError) -> Set<String> {
        do {
            return try index.pool.read { db in Set(try String.fetchAll(db, sql: "SELECT path FROM image WHERE folder = ?", arguments: [folder])) }
        } catch {
            throw GalleryError(message: "cannot read the gallery index: \(error)")
        }
    }

    /// What a scan found: images not yet indexed (`pending` until `readEntries` turns them into
    /// `entries`), every image path present, the folders with their modification times, and the
    /// files that could not be read.
    private struct Listing {
        var pending: [(url: URL, relative: String)] = []
        var entries: [GalleryEntry] = []
        var images: Set<String> = []
        var folders: [String: Double] = [:]
        var problems: [GalleryProblem] = []
    }

    /// A folder changed this recently may change again within the same tick of the filesystem's
    /// clock (coarse on Linux, a second or two on some filesystems) without its time moving, so a
    /// file saved just after a scan would never be noticed. Such a folder is recorded as unsettled
    /// and looked at again by the next refresh, as git does with its "racily clean" entries.
    static let unsettledAge: TimeInterval = 2

    /// The time recorded for a folder: its modification time, or 0 (never equal to a real one)
    /// while it is unsettled or unreadable.
    private func recordedTime(of relativeFolder: String) -> Double {
        guard let mtime = folderTime(relativeFolder), Date().timeIntervalSince1970 - mtime > Self.unsettledAge else { return 0 }
        return mtime
    }

    /// A folder's modification time, `nil` when it is gone or is no longer a real folder (a
    /// link now stands where it was). Only the gallery itself may be reached through a link.
    private func folderTime(_ relativeFolder: String) -> Double? {
        var info = stat()
        let url = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
        let status = relativeFolder.isEmpty ? stat(url.path, &info) : lstat(url.path, &info)
        guard status == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return Self.time(info)
    }

    /// Lists one folder: images become rows (from their sidecar, or from the file alone), and
    /// subfolders are recorded (and scanned too when `recursive`). The folder's time is read
    /// before its names, so a file added during the scan changes it and is found next time.
    ///
    /// Nothing is followed or opened that is not a real folder or a regular file: a symbolic
    /// link (to a folder out of the gallery, or to `.`) and a FIFO, socket or device named like
    /// an image are reported as problems and skipped. Nothing is deleted: a scan only reads.
    ///
    /// `listed` is told how many images were found so far, after each folder.
    private func scan(relativeFolder: String, recursive: Bool, isKnown: (String) -> Bool, into listing: inout Listing, listed: ((Int) -> Void)? = nil) {
        let directory = relativeFolder.isEmpty ? root : root.appendingPathComponent(relativeFolder)
        let mtime = recordedTime(of: relativeFolder)
        guard let entries = FolderListing.entries(of: directory, followLink: relativeFolder.isEmpty) else { return }
        listing.folders[relativeFolder] = mtime
        for entry in entries {
            // .pixterm, .trash and hidden files are not images; sidecars are read with theirs.
            if entry.name.hasPrefix(".") || entry.name.hasSuffix(".json") { continue }
            let relative = relativeFolder.isEmpty ? entry.name : relativeFolder + "/" + entry.name
            // Told whether it is a folder: otherwise URL asks the filesystem, a stat per file.
            let url = directory.appendingPathComponent(entry.name, isDirectory: entry.kind == .folder)
            switch entry.kind {
            case .folder:
                if recursive {
                    scan(relativeFolder: relative, recursive: true, isKnown: isKnown, into: &listing, listed: listed)
                } else {
                    listing.folders[relative] = recordedTime(of: relative)
                }
            case .file where GalleryLayout.isImage(url):
                listing.images.insert(relative)
                if !isKnown(relative) { listing.pending.append((url, relative)) }
            case .symbolicLink where GalleryLayout.isImage(url) || Self.isFolder(url):
                listing.problems.append(GalleryProblem(path: url.path, reason: "a symbolic link; not followed (the gallery lists only what is inside it)"))
            case let .special(kind) where GalleryLayout.isImage(url):
                listing.problems.append(GalleryProblem(path: url.path, reason: "\(kind), not an image file; skipped"))
            default:
                continue
            }
        }
        listed?(listing.pending.count)
    }

    /// Whether a link leads to a folder: `stat` only, nothing is opened.
    private static func isFolder(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// Reads the sidecars (or image headers) of the images a scan found, on every core: reading
    /// and decoding them is most of a scan's time. Entries keep the scan's order.
    private func readEntries(into listing: inout Listing) {
        let reader = GalleryEntryReader(pending: listing.pending) { [self] item, problems in entry(forImage: item.url, relative: item.relative, problems: &problems) }
        listing.pending = []
        var problems: [GalleryProblem] = []
        listing.entries += reader.entries(problems: { problems += $0 })
        listing.problems += problems
    }

    private func entry(forImage url: URL, relative: String, problems: inout [GalleryProblem]) -> GalleryEntry? {
        do {
            if let sidecar = try SidecarFile.read(forImage: url) { return GalleryEntry(relativePath: relative, url: url, sidecar: sidecar) }
        } catch {
            problems.append(
                GalleryProblem(
                    path: GalleryLayout.sidecarURL(for: url).path, reason: "unreadable sidecar (\(error.reason)); indexed from the image alone"
                ))
        }
        guard let header = try? ImageHeader.read(contentsOf: url, followLinks: false) else {
            problems.append(GalleryProblem(path: url.path, reason: "not a readable PNG, JPEG or WebP image; skipped"))
            return nil
        }
        return GalleryEntry(relativePath: relative, url: url, header: header, modified: modificationTime(of: url) ?? 0)
    }

    /// A file's modification time, read without following a link.
    func modificationTime(of url: URL) -> Double? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        return Self.time(info)
    }

    private static func time(_ info: stat) -> Double {
        #if canImport(Darwin)
        Double(info.st_mtimespec.tv_sec) + Double(info.st_mtimespec.tv_nsec) / 1e9
        #else
        Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        #endif
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
