import Foundation
import ImageCodec
import TerminalGraphics
import Testing
@testable import TerminalUI

/// The bytes around each frame flush that keep a pixel picture in step with the frames.
@Suite struct PixelScreenTests {
    let encoder = GraphicsEncoder(method: .kitty, cellSize: CellPixelSize(width: 4, height: 8))

    func picture(_ path: String, _ rect: CellRect, id: UInt32, color: UInt8 = 200) throws -> ShownPicture {
        let image = RGBAImage(width: 16, height: 16, pixels: Array(repeating: color, count: 16 * 16 * 4))
        return ShownPicture(
            overlay: PixelOverlay(path: path, slot: PreviewSlot(rect: rect, centered: false)),
            placement: try encoder.placement(of: image, in: rect, imageID: id)
        )
    }

    @Test func aNewSelectionErasesTheOldPictureBeforeTheFrameAndDrawsTheNewAfter() throws {
        let slot = CellRect(row: 2, column: 30, width: 20, height: 10)
        let first = try picture("/g/a.png", slot, id: 1), second = try picture("/g/b.png", slot, id: 2, color: 90)
        var screen = PixelScreen()
        #expect(screen.beforeFrame(wanting: [first]).isEmpty)
        #expect(screen.afterFrame(wanting: [first], screenCleared: true) == first.placement.upload + first.placement.draw)

        #expect(screen.beforeFrame(wanting: [second]) == first.placement.erase + first.placement.release)
        #expect(screen.afterFrame(wanting: [second], screenCleared: false) == second.placement.upload + second.placement.draw)
        #expect(screen.shown == [second])
    }

    @Test func theSameFrameTwiceSendsNothing() throws {
        let shown = try picture("/g/a.png", CellRect(row: 2, column: 30, width: 20, height: 10), id: 1)
        var screen = PixelScreen()
        _ = screen.beforeFrame(wanting: [shown])
        _ = screen.afterFrame(wanting: [shown], screenCleared: false)
        #expect(screen.beforeFrame(wanting: [shown]).isEmpty)
        #expect(screen.afterFrame(wanting: [shown], screenCleared: false).isEmpty)
    }

    @Test func anOverlayOrAnotherScreenOnlyErases() throws {
        let shown = try picture("/g/a.png", CellRect(row: 2, column: 30, width: 20, height: 10), id: 7)
        var screen = PixelScreen()
        _ = screen.afterFrame(wanting: [shown], screenCleared: false)
        let erase = screen.beforeFrame(wanting: [])
        #expect(erase == shown.placement.erase + shown.placement.release)
        #expect(String(decoding: erase, as: UTF8.self).contains("a=d,d=I,i=7"))
        #expect(screen.afterFrame(wanting: [], screenCleared: false).isEmpty)
        #expect(screen.shown.isEmpty)
    }

    @Test func aClearedScreenGetsThePictureAgainWithItsData() throws {
        let shown = try picture("/g/a.png", CellRect(row: 2, column: 30, width: 20, height: 10), id: 3)
        var screen = PixelScreen()
        _ = screen.afterFrame(wanting: [shown], screenCleared: false)
        #expect(screen.beforeFrame(wanting: [shown]).isEmpty)
        #expect(screen.afterFrame(wanting: [shown], screenCleared: true) == shown.placement.upload + shown.placement.draw)
    }

    @Test func aResizedSlotIsANewPictureThatReplacesTheOld() throws {
        let old = try picture("/g/a.png", CellRect(row: 2, column: 30, width: 20, height: 10), id: 1)
        let resized = try picture("/g/a.png", CellRect(row: 2, column: 40, width: 30, height: 16), id: 2)
        var screen = PixelScreen()
        _ = screen.afterFrame(wanting: [old], screenCleared: false)
        #expect(screen.beforeFrame(wanting: [resized]) == old.placement.erase + old.placement.release)
        let drawn = String(decoding: screen.afterFrame(wanting: [resized], screenCleared: true), as: UTF8.self)
        #expect(drawn.contains("a=p,i=2,p=1,c=30,r=15"))
        #expect(drawn.contains("\u{1B}[3;41H"))
    }
}
