import Foundation
import Gallery

extension GalleryItem {
    /// The browser's view of a gallery entry.
    public init(_ entry: GalleryEntry) {
        self.init(
            id: entry.id, path: entry.url.path, prompt: entry.prompt, model: entry.model, size: entry.size, quality: entry.quality,
            created: entry.created, credits: entry.creditsPerImage, request: entry.request
        )
    }
}
