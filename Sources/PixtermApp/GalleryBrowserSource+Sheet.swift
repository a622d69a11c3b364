import Foundation
import Gallery

/// What the contact sheet asks of the gallery: a request's images, and deleting or restoring
/// several in one step.
extension GalleryBrowserSource {
    /// The images of the request that made the first of `paths` still in the gallery.
    public func requestImages(ofAnyOf paths: [String]) throws -> RequestImages? {
        try store.requestImages(ofAnyOf: paths)
    }

    /// Moves each image to the trash; returns those moved and, if one failed, why (the rest are
    /// still tried, so a keep moves all it can and one undo restores exactly those).
    public func trashAll(_ items: [GalleryEntry]) -> (done: [GalleryEntry], failure: (any Error)?) {
        each(items) { try trash($0) }
    }

    public func restoreAll(_ items: [GalleryEntry]) -> (done: [GalleryEntry], failure: (any Error)?) {
        each(items) { try restore($0) }
    }

    private func each(_ items: [GalleryEntry], _ work: (GalleryEntry) throws -> Void) -> (done: [GalleryEntry], failure: (any Error)?) {
        var done: [GalleryEntry] = []
        var failure: (any Error)?
        for item in items {
            do {
                try work(item)
                done.append(item)
            } catch {
                failure = failure ?? error
            }
        }
        return (done, failure)
    }
}
