import Gallery
import PixapiKit

extension GalleryEntry {
    /// How the gallery's list, grid and full-screen view name an image: its prompt on one line,
    /// sanitized (sidecar text), or the file's name for an image without a sidecar.
    var title: String {
        let name = prompt.isEmpty ? url.lastPathComponent : prompt
        return TerminalText.sanitized(name).replacingOccurrences(of: "\n", with: " ")
    }
}
