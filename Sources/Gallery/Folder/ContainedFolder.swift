import Foundation

/// Creates folders inside the gallery one component at a time, refusing any component that is a
/// symbolic link: `2026 -> /elsewhere` must not make a save, a trash move or a restore write
/// outside the gallery. Each new folder's parent is flushed, so the new folder survives a power
/// loss along with the image saved in it.
enum ContainedFolder {
    /// Makes `relative` (a folder path inside `root`) exist as real folders and returns its URL.
    @discardableResult
    static func create(_ relative: String, in root: URL) throws(GalleryError) -> URL {
        // The gallery itself may be reached through a link (the user's choice) and is created
        // with its parents when missing.
        var info = stat()
        if stat(root.path, &info) != 0 { try AtomicFile.createDirectory(root) }
        var current = root
        for component in relative.split(separator: "/") where !component.isEmpty && component != "." {
            guard component != ".." else { throw GalleryError(message: "\(relative) leaves the gallery folder; nothing was written") }
            let parent = current
            current = current.appendingPathComponent(String(component))
            if mkdir(current.path, 0o755) == 0 {
                DirectorySync.sync(parent)
                continue
            }
            guard errno == EEXIST else { throw GalleryError.posix(errno, "cannot create \(current.path)") }
            // Already there (or made by another process just now): only a real folder will do.
            guard lstat(current.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                let what = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "not a folder"
                throw GalleryError(message: "\(current.path) is \(what); pixterm writes only inside the gallery folder, so nothing was saved there")
            }
        }
        return current
    }
}
