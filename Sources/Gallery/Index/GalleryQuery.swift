import Foundation

/// Which gallery images to list, and in what order: the full-text filter and the narrower
/// filters compose (every condition must hold). The browser, `gallery list` and `gallery search`
/// all ask through this one value.
public struct GalleryQuery: Sendable, Hashable {
    public enum Sort: String, CaseIterable, Sendable {
        case newest, oldest
        /// Dearest per image first, the newest first among equals; unknown costs last.
        case cost
    }

    /// Full text over prompts: every word must match as a prefix (see `SearchText`).
    public var text: String
    public var model: String?
    /// As stored: `1024x1024`, or what the server chose for `auto`.
    public var size: String?
    public var quality: String?
    /// Created at or after.
    public var since: Date?
    /// Created before.
    public var until: Date?
    /// Credits per image, inclusive bounds; an image of unknown cost matches neither.
    public var minCredits: Int?
    public var maxCredits: Int?
    public var sort: Sort

    public init(
        text: String = "", model: String? = nil, size: String? = nil, quality: String? = nil, since: Date? = nil, until: Date? = nil,
        minCredits: Int? = nil, maxCredits: Int? = nil, sort: Sort = .newest
    ) {
        self.text = text
        self.model = model
        self.size = size
        self.quality = quality
        self.since = since
        self.until = until
        self.minCredits = minCredits
        self.maxCredits = maxCredits
        self.sort = sort
    }

    /// True when nothing narrows the list (the order may still differ).
    public var isEverything: Bool { self == GalleryQuery(sort: sort) }
}
