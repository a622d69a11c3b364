/// How far `GalleryStore.rebuild` has got, for a progress bar.
public enum GalleryRebuildProgress: Sendable, Hashable {
    /// Listing the folders: `found` images so far.
    case listing(found: Int)
    /// `done` of the `total` images found have been read and put in the new index.
    case reading(done: Int, total: Int)
    /// Every image is in; the index's sort orders and full-text index are being made and the
    /// new index written.
    case finishing(total: Int)
}
