import Foundation
@testable import Gallery
import PixapiKit

extension GalleryEntry {
    /// A gallery entry as the store would list it, for UI and update tests that need no gallery
    /// folder: an image at the absolute `path` with a sidecar saying the rest. The text is kept as
    /// given (not sanitized), so a test can check that the screen sanitizes it.
    public static func testing(
        id: String, path: String, prompt: String, model: String?, size: String, quality: String?, created: Date, credits: Int?,
        request: ImageRequest?, requestID: String? = nil, source: String? = nil, imageIndex: Int? = nil
    ) -> GalleryEntry {
        GalleryEntry(
            id: id, relativePath: String(path.drop { $0 == "/" }), url: URL(fileURLWithPath: path), prompt: prompt, model: model, size: size, quality: quality,
            created: created.timeIntervalSince1970, creditsPerImage: credits, format: nil, hasSidecar: true, taskID: nil, imageIndex: imageIndex,
            requestID: requestID, source: source, request: request
        )
    }
}
