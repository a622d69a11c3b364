import Foundation
import GRDB
import ImageCodec
import PixapiKit

/// One image in the gallery, as the index knows it: a row of the index's `image` table, whose
/// columns are named by `CodingKeys`. Made from a sidecar, or from an image file that has none.
public struct GalleryEntry: Sendable, Hashable, Identifiable {
    /// From the sidecar; a second file claiming an id already listed is given another (see
    /// `GalleryIndex.upsert`).
    public internal(set) var id: String
    /// Relative to the gallery folder.
    public let relativePath: String
    /// The image file. Not a column: the index holds paths inside the gallery, and the store
    /// that reads a row sets this from its own folder (see `GalleryStore.located`).
    public internal(set) var url = URL(fileURLWithPath: "/")
    /// The folder part of `relativePath`: what `refresh()` looks up when a folder changes.
    let folder: String
    /// Empty for an image without a sidecar.
    public let prompt: String
    /// `prompt` as the full-text index matches it (see `SearchText`).
    let searchText: String
    public let model: String?
    /// The requested size, or the size the server chose when the request said `auto`.
    public let size: String
    public let quality: String?
    /// Stored as seconds since 1970, so an entry just saved equals the same entry read back.
    public let created: Date
    public let creditsPerImage: Int?
    public let format: String?
    public let hasSidecar: Bool
    /// With `imageIndex`: a resumed job saves an image of a task only once.
    let taskID: String?
    /// Which of its request's n images this is (0-based); nil without a sidecar.
    public let imageIndex: Int?
    /// Shared by the images of one request (see `Sidecar.requestID`); nil for older sidecars.
    public let requestID: String?
    /// The edit's first source image, relative to the gallery, when it is in the gallery: the
    /// parent in the lineage ("edited from").
    public let source: String?
    /// The request that made the image, when the sidecar has one: what "reuse" starts from.
    public var request: ImageRequest? { storedRequest?.request }
    /// `request` with its JSON, the column, encoded when the entry is made (see `StoredRequest`).
    let storedRequest: StoredRequest?

    /// The entry for an image saved at `relativePath` (the file `url`) with `sidecar` (sanitized)
    /// beside it. The caller has the URL already: making it again here took a rebuild as long as
    /// reading the sidecar's JSON.
    init(relativePath: String, url: URL, sidecar: Sidecar) {
        let size = if sidecar.size == "auto", let width = sidecar.width, let height = sidecar.height { "\(width)x\(height)" } else { sidecar.size }
        self.init(
            id: sidecar.id, relativePath: relativePath, url: url, prompt: sidecar.prompt, model: sidecar.model.isEmpty ? nil : sidecar.model,
            size: size, quality: sidecar.quality, created: sidecar.created.timeIntervalSince1970, creditsPerImage: sidecar.creditsPerImage,
            format: sidecar.format, hasSidecar: true, taskID: sidecar.taskID, imageIndex: sidecar.index, requestID: sidecar.requestID,
            source: sidecar.sourceImages.first.flatMap { Self.galleryRelative($0, imageURL: url, relativePath: relativePath) },
            request: sidecar.request
        )
    }

    /// `path` relative to the gallery the image at `imageURL` (`relativePath` inside it) is in,
    /// or nil when it is elsewhere.
    static func galleryRelative(_ path: String, imageURL: URL, relativePath: String) -> String? {
        let root = String(imageURL.path.dropLast(relativePath.count))
        guard root.hasSuffix("/"), path.hasPrefix(root), path.count > root.count else { return nil }
        return String(path.dropFirst(root.count))
    }

    /// The entry for an image file put in the gallery without a sidecar: what its header says,
    /// dated by its modification time, with an id that stays the same across rebuilds.
    init(relativePath: String, url: URL, header: ImageHeader, modified: Double) {
        self.init(
            id: "file-" + GalleryStore.stableHash(relativePath), relativePath: relativePath, url: url, prompt: "", model: nil,
            size: "\(header.width)x\(header.height)", quality: nil, created: modified, creditsPerImage: nil, format: header.format.rawValue,
            hasSidecar: false, taskID: nil, imageIndex: nil, requestID: nil, source: nil, request: nil
        )
    }

    init(
        id: String, relativePath: String, url: URL, prompt: String, model: String?, size: String, quality: String?, created: Double,
        creditsPerImage: Int?, format: String?, hasSidecar: Bool, taskID: String?, imageIndex: Int?, requestID: String?, source: String?,
        request: ImageRequest?
    ) {
        self.id = id
        self.relativePath = relativePath
        self.url = url
        folder = GalleryStore.folder(of: relativePath)
        self.prompt = prompt
        searchText = SearchText.indexed(prompt)
        self.model = model
        self.size = size
        self.quality = quality
        self.created = Date(timeIntervalSince1970: created)
        self.creditsPerImage = creditsPerImage
        self.format = format
        self.hasSidecar = hasSidecar
        self.taskID = taskID
        self.imageIndex = imageIndex
        self.requestID = requestID
        self.source = source
        storedRequest = request.map(StoredRequest.init)
    }
}

/// A row of the `image` table: the columns are the coding keys (`rowid` is SQLite's own).
extension GalleryEntry: Codable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "image"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case relativePath = "path"
        case folder, prompt, searchText, model, size, quality, created
        case creditsPerImage = "credits"
        case format, hasSidecar, taskID, imageIndex, requestID, source
        case storedRequest = "request"
    }

    /// Seconds since 1970 as a number: `stats()` groups by it with SQLite's `unixepoch`.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy { .timeIntervalSince1970 }
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy { .timeIntervalSince1970 }
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
