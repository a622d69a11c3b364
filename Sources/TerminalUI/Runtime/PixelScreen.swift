import TerminalGraphics

/// A picture the frame wants on screen: where, and the bytes that show and remove it.
struct ShownPicture: Hashable {
    var overlay: PixelOverlay
    var placement: GraphicsPlacement
}

/// Keeps the terminal's pixel picture in step with the frames, with no stale pixels and no
/// needless redraws. Only bookkeeping: it returns the bytes and the runtime writes them around
/// the frame's flush.
struct PixelScreen {
    private(set) var shown: ShownPicture?

    /// Before the frame is flushed: takes the picture away (and frees it in the terminal)
    /// unless the frame wants exactly it, so curses can reuse the cells.
    mutating func beforeFrame(wanting wanted: ShownPicture?) -> [UInt8] {
        guard let current = shown, current != wanted else { return [] }
        shown = nil
        return current.placement.erase + current.placement.release
    }

    /// After the flush: draws the wanted picture unless it is still there. A cleared screen
    /// (first frame, resize, resume) wiped it, so then it goes out again with its data.
    mutating func afterFrame(wanting wanted: ShownPicture?, screenCleared: Bool) -> [UInt8] {
        defer { shown = wanted }
        guard let wanted, wanted != shown || screenCleared else { return [] }
        return wanted.placement.upload + wanted.placement.draw
    }
}
