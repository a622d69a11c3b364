import TerminalGraphics

/// A picture where the frame wants it. Two are the same on screen when they show the same image
/// id in the same cells; the bytes are made only when they go out.
struct PlacedPicture {
    struct Spot: Hashable {
        var imageID: UInt32
        var cells: CellRect
    }

    var picture: EncodedPicture
    var cells: CellRect

    var spot: Spot { Spot(imageID: picture.imageID, cells: cells) }
    var placement: GraphicsPlacement { picture.placement(in: cells) }
}

/// Keeps the terminal's pixel pictures in step with the frames, with no stale pixels and no
/// needless bytes: a picture that stays where it is is left alone, one that moved is erased and
/// drawn at its new place, and kitty data goes out once per image id (a picture scrolled back
/// into view is only placed again). Only bookkeeping: it returns the bytes and the runtime
/// writes them around the frame's flush.
struct PixelScreen {
    private(set) var shown: [PlacedPicture] = []
    /// kitty: how to free each image whose data the terminal holds, by id.
    private var stored: [UInt32: [UInt8]] = [:]
    /// The ids uploaded since the screen was last cleared; after a clear (resume, resize) the
    /// data goes out again rather than trusting that nothing freed it meanwhile.
    private var uploaded = Set<UInt32>()

    /// Before the frame is flushed: takes away every picture the frame does not want where it
    /// is, so curses can reuse the cells, then frees the data of the `released` image ids.
    mutating func beforeFrame(wanting wanted: [PlacedPicture], releasing released: [UInt32] = []) -> [UInt8] {
        let spots = Set(wanted.map(\.spot))
        var bytes: [UInt8] = []
        for picture in shown where !spots.contains(picture.spot) {
            bytes += picture.picture.erase(picture.cells)
        }
        shown.removeAll { !spots.contains($0.spot) }
        for id in released {
            if let release = stored.removeValue(forKey: id) { bytes += release }
            uploaded.remove(id)
            shown.removeAll { $0.picture.imageID == id }
        }
        return bytes
    }

    /// After the flush: draws each wanted picture that is not there yet, sending its data first
    /// if the terminal does not hold it. A cleared screen (first frame, resize, resume) wiped
    /// them all, so then they all go out again with their data. On the `rewrittenRows` (rows of
    /// the frame that changed) curses may have written over cells it thinks blank, so a picture
    /// that lives in cells and crosses one is drawn again.
    mutating func afterFrame(wanting wanted: [PlacedPicture], screenCleared: Bool, rewrittenRows: Set<Int> = []) -> [UInt8] {
        if screenCleared {
            shown = []
            uploaded = []
        }
        let spots = Set(shown.map(\.spot))
        shown = wanted
        var bytes: [UInt8] = []
        for picture in wanted {
            let stays = spots.contains(picture.spot)
            if stays, !picture.picture.livesInCells || !picture.cells.rows.contains(where: rewrittenRows.contains) { continue }
            let placement = picture.placement, id = picture.picture.imageID
            if !uploaded.contains(id), !placement.upload.isEmpty {
                bytes += placement.upload
                uploaded.insert(id)
                stored[id] = placement.release
            }
            bytes += placement.draw
        }
        return bytes
    }

    /// When the UI ends: takes every picture away and frees all the data the terminal holds.
    mutating func leave() -> [UInt8] {
        beforeFrame(wanting: [], releasing: stored.keys.sorted())
    }
}
