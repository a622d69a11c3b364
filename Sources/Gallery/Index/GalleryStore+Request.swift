import Foundation
import GRDB

/// The images one request made (its n results), as the contact sheet shows them side by side.
public struct RequestImages: Sendable, Hashable {
    /// How the images were found to belong together.
    public enum Grouping: Sendable, Hashable {
        /// By the request's id, which every image saved since sidecars carry one shares.
        case request
        /// By the async task's id: an older sidecar without a request id.
        case task
        /// The image alone: an older sidecar of a sync request (or an image without a sidecar)
        /// records nothing that finds its siblings.
        case alone
    }

    /// In the request's order (image index).
    public let entries: [GalleryEntry]
    public let grouping: Grouping

    public init(entries: [GalleryEntry], grouping: Grouping) {
        self.entries = entries
        self.grouping = grouping
    }
}

extension GalleryStore {
    /// The gallery's images of the request `requestID`, in the request's order (image index).
    public func images(ofRequest requestID: String) throws(GalleryError) -> [GalleryEntry] {
        try entries(where: "requestID = ?", [requestID])
    }

    /// The images of the request that made `entry`: by its request id, else (older sidecars)
    /// by its async task's id, else `entry` alone.
    public func requestImages(of entry: GalleryEntry) throws(GalleryError) -> RequestImages {
        if let requestID = entry.requestID {
            return RequestImages(entries: try images(ofRequest: requestID), grouping: .request)
        }
        if let taskID = entry.taskID {
            return RequestImages(entries: try entries(where: "taskID = ?", [taskID]), grouping: .task)
        }
        return RequestImages(entries: [entry], grouping: .alone)
    }

    /// The images of the request that made the first of `paths` (absolute, or relative to the
    /// gallery) still in the gallery: a job knows the paths it saved, some of which may have been
    /// deleted since. nil when none of them is in the gallery.
    public func requestImages(ofAnyOf paths: [String]) throws(GalleryError) -> RequestImages? {
        for path in paths {
            if let entry = try entry(matching: path) { return try requestImages(of: entry) }
        }
        return nil
    }

    /// Every entry matching an SQL condition on the `image` table, in image-index order.
    private func entries(where condition: String, _ arguments: StatementArguments) throws(GalleryError) -> [GalleryEntry] {
        try readIndex { db in
            try GalleryEntry.fetchAll(db, sql: "SELECT * FROM image WHERE \(condition) ORDER BY imageIndex, created, rowid", arguments: arguments)
        }.map(located)
    }
}
