import Foundation
import GRDB

extension GalleryStore {
    private var trashRoot: URL { root.appendingPathComponent(GalleryLayout.trashFolder) }

    /// Moves an image and its sidecar into `.trash/` inside the gallery, keeping its relative
    /// path, so `restore` can put it back. Nothing is deleted from disk.
    @discardableResult
    public func remove(_ key: String) throws(GalleryError) -> GalleryEntry {
        guard let entry = try entry(matching: key) else { throw GalleryError(message: "no image \(key) in the gallery") }
        let target = trashRoot.appendingPathComponent(entry.relativePath)
        try ContainedFolder.create(GalleryLayout.trashFolder + "/" + Self.folder(of: entry.relativePath), in: root)
        let sidecar = GalleryLayout.sidecarURL(for: entry.url)
        if FileManager.default.fileExists(atPath: sidecar.path) {
            try AtomicFile.move(sidecar, to: GalleryLayout.sidecarURL(for: target))
        }
        try AtomicFile.move(entry.url, to: target)
        do {
            try index.pool.write { db in try db.execute(sql: "DELETE FROM image WHERE id = ?", arguments: [entry.id]) }
        } catch {
            throw GalleryError(message: "moved to the trash, but the index could not be updated: \(error); run `pixterm gallery rebuild`")
        }
        return entry
    }

    /// Images in the trash, newest first, as (id, relative path). Links and special files in the
    /// trash are not followed or opened.
    public func trashed() -> [(id: String, relativePath: String)] {
        var found: [(String, String, Date)] = []
        for relative in FolderListing.files(under: trashRoot) where GalleryLayout.isImage(URL(fileURLWithPath: relative)) {
            let sidecar = (try? SidecarFile.read(forImage: trashRoot.appendingPathComponent(relative))) ?? nil
            found.append((sidecar?.id ?? "file-" + Self.stableHash(relative), relative, sidecar?.created ?? .distantPast))
        }
        return found.sorted { $0.2 > $1.2 }.map { ($0.0, $0.1) }
    }

    /// Puts a trashed image back where it was.
    @discardableResult
    public func restore(_ key: String) throws(GalleryError) -> GalleryEntry {
        guard let item = trashed().first(where: { $0.id == key || $0.relativePath == key }) else {
            throw GalleryError(message: "no image \(key) in the trash (see `pixterm gallery list` for what is in the gallery)")
        }
        let source = trashRoot.appendingPathComponent(item.relativePath)
        let target = root.appendingPathComponent(item.relativePath)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw GalleryError(message: "cannot restore: \(item.relativePath) exists again in the gallery")
        }
        try ContainedFolder.create(Self.folder(of: item.relativePath), in: root)
        let sidecar = GalleryLayout.sidecarURL(for: source)
        if FileManager.default.fileExists(atPath: sidecar.path) {
            try AtomicFile.move(sidecar, to: GalleryLayout.sidecarURL(for: target))
        }
        try AtomicFile.move(source, to: target)
        try refresh()
        guard let entry = try entry(matching: item.relativePath) else {
            throw GalleryError(message: "restored \(item.relativePath), but it is not in the index; run `pixterm gallery rebuild`")
        }
        return entry
    }
}
