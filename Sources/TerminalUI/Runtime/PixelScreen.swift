import TerminalGraphics

/// A picture the frame wants on screen: where, and the bytes that show and remove it.
struct ShownPicture: Hashable {
    var overlay: PixelOverlay
    var placement: GraphicsPlacement
}

/// Keeps the terminal's pixel pictures in step with the frames, with no stale pixels and no
/// needless redraws. Only bookkeeping: it returns the bytes and the runtime writes them around
/// the frame's flush.
struct PixelScreen {
    private(set) var shown: [ShownPicture] = []

    /// Before the frame is flushed: takes away (and frees in the terminal) every picture the
    /// frame does not want exactly as it is, so curses can reuse the cells.
    mutating func beforeFrame(wanting wanted: [ShownPicture]) -> [UInt8] {
        var bytes: [UInt8] = []
        for picture in shown where !wanted.contains(picture) {
            bytes += picture.placement.erase + picture.placement.release
        }
        shown.removeAll { !wanted.contains($0) }
        return bytes
    }

    /// After the flush: draws each wanted picture that is not there yet. A cleared screen
    /// (first frame, resize, resume) wiped them all, so then they all go out again with their data.
    mutating func afterFrame(wanting wanted: [ShownPicture], screenCleared: Bool) -> [UInt8] {
        defer { shown = wanted }
        var bytes: [UInt8] = []
        for picture in wanted where screenCleared || !shown.contains(picture) {
            bytes += picture.placement.upload + picture.placement.draw
        }
        return bytes
    }
}
