import Foundation
import ImageCodec
import TerminalGraphics
import Testing
@testable import TerminalUI

/// The bytes around each frame flush that keep pixel pictures in step with the frames.
@Suite struct PixelScreenTests {
    let kitty = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 4, height: 8))

    func encoded(id: UInt32, color: UInt8 = 200, encoder: GraphicsEncoder? = nil) throws -> EncodedPicture {
        let image = RGBAImage(width: 16, height: 16, pixels: Array(repeating: color, count: 16 * 16 * 4))
        return try (encoder ?? kitty).picture(of: image, maxColumns: 10, maxRows: 5, imageID: id)
    }

    func placed(_ picture: EncodedPicture, row: Int, column: Int) -> PlacedPicture {
        PlacedPicture(picture: picture, cells: CellRect(row: row, column: column, width: picture.columns, height: picture.rows))
    }

    /// One frame: what goes out before the flush and after it.
    func frame(_ screen: inout PixelScreen, _ wanted: [PlacedPicture], releasing: [UInt32] = [], cleared: Bool = false) -> (before: [UInt8], after: [UInt8]) {
        let before = screen.beforeFrame(wanting: wanted, releasing: releasing)
        return (before, screen.afterFrame(wanting: wanted, screenCleared: cleared))
    }

    /// A grid of `count` pictures, `columns` to a row, from `first` on, each 10x5 cells.
    func grid(_ pictures: [EncodedPicture], columns: Int = 4) -> [PlacedPicture] {
        pictures.enumerated().map { index, picture in placed(picture, row: 2 + index / columns * 6, column: index % columns * 12) }
    }

    @Test func aNewSelectionErasesTheOldPictureBeforeTheFrameAndDrawsTheNewAfter() throws {
        let first = placed(try encoded(id: 1), row: 2, column: 30), second = placed(try encoded(id: 2, color: 90), row: 2, column: 30)
        var screen = PixelScreen()
        #expect(screen.beforeFrame(wanting: [first]).isEmpty)
        #expect(screen.afterFrame(wanting: [first], screenCleared: true) == first.placement.upload + first.placement.draw)

        // The old picture's placement goes; its data stays for when it comes back.
        #expect(screen.beforeFrame(wanting: [second]) == first.placement.erase)
        #expect(screen.afterFrame(wanting: [second], screenCleared: false) == second.placement.upload + second.placement.draw)
        #expect(screen.shown.map(\.spot) == [second.spot])
    }

    @Test func theSameFrameTwiceSendsNothing() throws {
        let shown = placed(try encoded(id: 1), row: 2, column: 30)
        var screen = PixelScreen()
        _ = frame(&screen, [shown])
        let again = frame(&screen, [shown])
        #expect(again.before.isEmpty && again.after.isEmpty)
    }

    @Test func anOverlayOrAnotherScreenOnlyErasesAndKeepsTheData() throws {
        let shown = placed(try encoded(id: 7), row: 2, column: 30)
        var screen = PixelScreen()
        _ = screen.afterFrame(wanting: [shown], screenCleared: false)
        let erase = screen.beforeFrame(wanting: [])
        #expect(kittySummary(erase) == "e7")
        #expect(screen.afterFrame(wanting: [], screenCleared: false).isEmpty)
        #expect(screen.shown.isEmpty)
        // Closing the overlay places the picture again without its data.
        #expect(kittySummary(frame(&screen, [shown]).after) == "p7")
    }

    @Test func aClearedScreenGetsEveryPictureAgainWithItsData() throws {
        let pictures = grid(try (1...3).map { try encoded(id: $0) })
        var screen = PixelScreen()
        _ = frame(&screen, pictures)
        let cleared = frame(&screen, pictures, cleared: true)
        #expect(cleared.before.isEmpty)
        #expect(kittySummary(cleared.after) == "t1 p1 t2 p2 t3 p3")
    }

    @Test func aResizedSlotIsANewPictureThatReplacesTheOld() throws {
        let old = placed(try encoded(id: 1), row: 2, column: 30)
        let image = RGBAImage(width: 16, height: 16, pixels: Array(repeating: 200, count: 16 * 16 * 4))
        let resized = try kitty.picture(of: image, maxColumns: 30, maxRows: 16, imageID: 2)
        var screen = PixelScreen()
        _ = screen.afterFrame(wanting: [old], screenCleared: false)
        #expect(screen.beforeFrame(wanting: [placed(resized, row: 2, column: 40)]) == old.placement.erase)
        let drawn = String(decoding: screen.afterFrame(wanting: [placed(resized, row: 2, column: 40)], screenCleared: true), as: UTF8.self)
        #expect(drawn.contains("a=p,i=2,p=1,c=30,r=15"))
        #expect(drawn.contains("\u{1B}[3;41H"))
    }

    /// Twelve pictures on screen: a frame where none of them moved sends nothing at all, and a
    /// frame where one changed sends only that one.
    @Test func manyPicturesThatStaySendNothing() throws {
        let pictures = try (1...12).map { try encoded(id: $0) }
        var screen = PixelScreen()
        #expect(kittySummary(frame(&screen, grid(pictures), cleared: true).after).split(separator: " ").count == 24)
        let still = frame(&screen, grid(pictures))
        #expect(still.before.isEmpty && still.after.isEmpty)

        var replaced = pictures
        replaced[5] = try encoded(id: 13, color: 10)
        let one = frame(&screen, grid(replaced))
        #expect(kittySummary(one.before) == "e6")
        #expect(kittySummary(one.after) == "t13 p13")
    }

    /// Scrolling one row: the pictures that stay on screen move up a row and are placed again
    /// without their data; the row that scrolled off is erased (data kept), the new row is sent.
    @Test func scrollingRePlacesKittyPicturesWithoutTheirData() throws {
        let pictures = try (1...16).map { try encoded(id: $0) }
        var screen = PixelScreen()
        _ = frame(&screen, grid(Array(pictures[0..<12])))
        let scrolled = frame(&screen, grid(Array(pictures[4..<16])))
        #expect(kittySummary(scrolled.before) == (1...12).map { "e\($0)" }.joined(separator: " "))
        #expect(kittySummary(scrolled.after) == (5...12).map { "p\($0)" }.joined(separator: " ") + " t13 p13 t14 p14 t15 p15 t16 p16")
        // Back up: every picture is placed again; none is uploaded a second time.
        let back = frame(&screen, grid(Array(pictures[0..<12])))
        #expect(!kittySummary(back.after).contains("t"))
        #expect(kittySummary(back.after).split(separator: " ").count == 12)
    }

    @Test func releasedIDsFreeTheirDataOnceAndComeBackWithData() throws {
        let pictures = try (1...3).map { try encoded(id: $0) }
        var screen = PixelScreen()
        _ = frame(&screen, grid(pictures))
        _ = frame(&screen, grid([pictures[2]]))
        // Ids 1 and 2 were dropped by the loader: freed with d=I. Id 9 was never sent: nothing.
        let released = frame(&screen, grid([pictures[2]]), releasing: [1, 2, 9])
        #expect(kittySummary(released.before) == "r1 r2")
        #expect(released.after.isEmpty)
        // The id now names another picture, whose data goes out before it is placed.
        let reused = try encoded(id: 1, color: 30)
        #expect(kittySummary(frame(&screen, grid([pictures[2], reused])).after) == "t1 p1")
    }

    @Test func leavingErasesWhatIsShownAndFreesAllData() throws {
        let pictures = try (1...3).map { try encoded(id: $0) }
        var screen = PixelScreen()
        _ = frame(&screen, grid(pictures))
        _ = frame(&screen, grid([pictures[0]]))
        #expect(kittySummary(screen.leave()) == "e1 r1 r2 r3")
        #expect(screen.shown.isEmpty)
    }

    /// iTerm2 and sixel pixels live in the cells: a moved picture is blanked and sent again in
    /// full at its new place, an unchanged one is never sent again.
    @Test func cellPicturesAreResentOnlyWhenTheyMove() throws {
        for method in [GraphicsMethod.iterm, .sixel] {
            let encoder = GraphicsEncoder(method: method, cellSize: CellPixelSize(width: 4, height: 8))
            let pictures = try (1...8).map { try encoded(id: $0, color: UInt8($0 * 20), encoder: encoder) }
            var screen = PixelScreen()
            let first = frame(&screen, grid(pictures))
            #expect(first.after == grid(pictures).flatMap(\.placement.draw))
            let still = frame(&screen, grid(pictures))
            #expect(still.before.isEmpty && still.after.isEmpty, "\(method)")
            // The second row scrolls up into the first; the first row is gone.
            let moved = grid(Array(pictures[4..<8]))
            let scrolled = frame(&screen, moved)
            #expect(scrolled.before == grid(pictures).flatMap(\.placement.erase), "\(method)")
            #expect(scrolled.after == moved.flatMap(\.placement.draw), "\(method)")
        }
    }

    /// curses may write blanks over cells it thinks empty on a row it updates (to move the
    /// cursor cheaply): a picture that lives in the cells and crosses such a row is drawn again,
    /// without its data; a kitty placement floats over the text and is left alone.
    @Test func picturesInCellsAreDrawnAgainOnRowsCursesRewrote() throws {
        let placeholders = GraphicsEncoder(method: .kitty, passthrough: true, placeholders: true, cellSize: CellPixelSize(width: 4, height: 8))
        for (encoder, redrawn) in [(placeholders, true), (GraphicsEncoder(method: .sixel, cellSize: CellPixelSize(width: 4, height: 8)), true), (kitty, false)] {
            let pictures = grid(try (1...8).map { try encoded(id: $0, encoder: encoder) })
            var screen = PixelScreen()
            _ = frame(&screen, pictures)
            // Row 4 is the third row of the first row of pictures (rows 2...6).
            #expect(screen.beforeFrame(wanting: pictures).isEmpty)
            let after = screen.afterFrame(wanting: pictures, screenCleared: false, rewrittenRows: [4, 30])
            #expect(after == (redrawn ? pictures[0..<4].flatMap(\.placement.draw) : []), "\(encoder.method) placeholders: \(encoder.placeholders)")
        }
    }
}
