import Foundation
import PixapiKit

/// One image in the gallery, as the index knows it.
public struct GalleryEntry: Sendable, Hashable, Identifiable {
    public let id: String
    /// Relative to the gallery folder.
    public let relativePath: String
    public let url: URL
    /// Empty for an image without a sidecar.
    public let prompt: String
    public let model: String?
    public let size: String
    public let quality: String?
    public let created: Date
    public let creditsPerImage: Int?
    public let format: String?
    public let hasSidecar: Bool
    public let request: ImageRequest?
}

/// Images and credits in one period or for one model.
public struct GalleryStats: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let key: String
        public let images: Int
        public let credits: Int
    }

    public let byDay: [Row]
    public let byMonth: [Row]
    public let byModel: [Row]
    public let totalImages: Int
    public let totalCredits: Int
}

/// Something wrong with one file that did not stop the gallery from working.
public struct GalleryProblem: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
