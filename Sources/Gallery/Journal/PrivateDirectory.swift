import Foundation

/// A folder only its owner can enter, for the journal: its entries hold prompts, input paths
/// and where each request went, which other users of the machine have no business reading.
enum PrivateDirectory {
    /// Creates `url` and any missing parent as 0700 (as the XDG spec asks of data folders), and
    /// tightens a folder and files made by an older pixterm: the folder to 0700, its files to
    /// 0600. Folders that already existed above it are left as they are.
    static func create(_ url: URL) throws(GalleryError) {
        var missing: [URL] = []
        var current = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path), current.path != "/" {
            missing.append(current)
            current = current.deletingLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw GalleryError.posix(errno, "cannot create \(folder.path)")
        }
        chmod(url.path, 0o700)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names {
            var info = stat()
            let path = url.appendingPathComponent(name).path
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0 {
                chmod(path, 0o600)
            }
        }
    }
}
