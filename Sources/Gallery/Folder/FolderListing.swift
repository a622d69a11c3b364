import Foundation
import ImageCodec

/// Lists gallery folders without following symbolic links, so a scan never leaves the gallery:
/// a link to another folder is reported, not entered, and a link to `.` cannot loop.
///
/// The folder is opened with `O_NOFOLLOW | O_DIRECTORY` and listed through that descriptor, so
/// a folder swapped for a link between the parent's listing and this one is refused, not
/// followed.
enum FolderListing {
    /// One name in a folder and what it is, from `readdir` (or `fstatat` without following
    /// links where the filesystem does not say).
    struct Entry: Sendable, Hashable {
        enum Kind: Sendable, Hashable {
            case folder, file, symbolicLink
            /// A FIFO, socket or device: never opened.
            case special(String)
        }

        let name: String
        let kind: Kind
    }

    /// The entries of `directory`, sorted by name, or `nil` when it cannot be listed (gone, not
    /// a folder, or a symbolic link while `followLink` is false). Only the gallery's own root
    /// follows a link: the user may keep the gallery itself behind one.
    static func entries(of directory: URL, followLink: Bool = false) -> [Entry]? {
        let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followLink ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        defer { closedir(stream) }
        var found: [Entry] = []
        while let record = readdir(stream) {
            // A record is only as long as its name needs (`d_reclen`), not `sizeof(dirent)`: read
            // the fields in place, never `record.pointee`, which copies a whole `dirent` and can
            // run past the end of readdir's buffer (a crash at a page edge).
            guard let namePointer = record.pointer(to: \.d_name), let typePointer = record.pointer(to: \.d_type) else { continue }
            let name = UnsafeRawPointer(namePointer).withMemoryRebound(to: CChar.self, capacity: 1) { String(cString: $0) }
            if name == "." || name == ".." { continue }
            found.append(Entry(name: name, kind: kind(Int32(typePointer.pointee), name: name, in: descriptor)))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Every regular file below `directory`, as paths relative to it, without entering links.
    static func files(under directory: URL) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : directory.appendingPathComponent(relative)
            for entry in entries(of: folder) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                switch entry.kind {
                case .folder: pending.append(path)
                case .file: found.append(path)
                case .symbolicLink, .special: continue
                }
            }
        }
        return found
    }

    private static func kind(_ type: Int32, name: String, in directory: Int32) -> Entry.Kind {
        switch type {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .symbolicLink
        case Int32(DT_UNKNOWN):
            var info = stat()
            guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return .special("unreadable") }
            return kind(mode: info.st_mode)
        case Int32(DT_FIFO): return .special("a FIFO")
        case Int32(DT_SOCK): return .special("a socket")
        default: return .special("a device")
        }
    }

    private static func kind(mode: mode_t) -> Entry.Kind {
        switch mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .file
        case S_IFLNK: .symbolicLink
        default: .special(RegularFile.kindName(mode))
        }
    }
}
