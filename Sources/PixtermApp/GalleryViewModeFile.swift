import Foundation
import PixapiKit
import PixtermCore

/// The gallery's list-or-grid choice, kept beside the prompt history as one word so the next
/// run opens the gallery the way the user left it.
public enum GalleryViewModeFile {
    public static func url(_ paths: PixtermPaths) -> URL {
        paths.dataDirectory.appendingPathComponent("gallery-view")
    }

    /// The saved choice; the list when there is none or the file says something else (a
    /// preference never stops the UI from starting).
    public static func load(from file: URL) -> GalleryViewMode {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return .list }
        return GalleryViewMode(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .list
    }

    static func save(_ mode: GalleryViewMode, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((mode.rawValue + "\n").utf8).write(to: file, options: .atomic)
    }
}
