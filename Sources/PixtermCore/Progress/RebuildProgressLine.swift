import Foundation
import Gallery
import PixapiKit

/// The progress line of `pixterm gallery rebuild` (see `ProgressLine`):
/// `[=========>          ] 42000/100000 images indexed  ETA 3s`.
public enum RebuildProgressLine {
    /// The line for `progress`, `elapsed` seconds after the first image was read (the ETA's
    /// pace), never wider than `width - 1` columns.
    public static func text(_ progress: GalleryRebuildProgress, elapsed: TimeInterval, width: Int) -> String {
        switch progress {
        case let .listing(found):
            return ProgressLine.text(["listing the gallery: \(Plural.count(found, "image")) so far"], finished: 0, total: 0, width: width, showingBar: false)
        case let .reading(done, total):
            let eta = ProgressLine.eta(remaining: total - done, paced: done, elapsed: elapsed)
            return ProgressLine.text(["\(done)/\(total) \(Plural.noun(total, "image")) indexed", "ETA \(eta)"], finished: done, total: total, width: width)
        case let .finishing(total):
            return ProgressLine.text(["\(total)/\(total) \(Plural.noun(total, "image")) indexed", "writing the index"], finished: total, total: total, width: width)
        }
    }
}
