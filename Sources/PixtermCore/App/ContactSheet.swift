import Foundation
import Gallery

/// The images of one request side by side (a contact sheet), opened from the jobs list or the
/// gallery over the screen it was opened from; Esc closes it and that screen is as it was.
public struct ContactSheet: Hashable, Sendable {
    /// The request's images in its order; before the first answer, the image it was opened on.
    public internal(set) var images: [GalleryEntry]
    /// How the images were found together; nil until the gallery answered.
    public internal(set) var grouping: RequestImages.Grouping?
    public internal(set) var selected = 0
    /// The selected image fills the screen (`v` or Enter); Esc goes back to the sheet.
    public internal(set) var isViewing = false

    /// A sheet waiting for the gallery's answer, showing `known` meanwhile.
    init(showing known: [GalleryEntry]) {
        images = known
    }

    public var isLoading: Bool { grouping == nil }

    public var selectedImage: GalleryEntry? { images.indices.contains(selected) ? images[selected] : nil }

    /// What to ask the gallery for to show the request again: any of its images still there
    /// (the selected one first, as it is the one a "keep" leaves).
    var paths: [String] {
        let all = images.map(\.url.path)
        guard let chosen = selectedImage?.url.path else { return all }
        return [chosen] + all.filter { $0 != chosen }
    }

    /// The gallery answered: the selection stays on the same image when it is still there.
    mutating func show(_ found: RequestImages) {
        let keep = selectedImage?.id
        images = found.entries
        grouping = found.grouping
        selected = keep.flatMap { id in images.firstIndex { $0.id == id } } ?? 0
        if images.isEmpty { isViewing = false }
    }

    mutating func move(by delta: Int) {
        guard !images.isEmpty else { return }
        selected = min(max(selected + delta, 0), images.count - 1)
    }

    mutating func view(_ on: Bool) { isViewing = on && selectedImage != nil }
}
