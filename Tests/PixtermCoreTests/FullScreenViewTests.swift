import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// The gallery's full-screen view of one image: opened from the list, paged through, left with Esc.
@Suite struct FullScreenViewTests {
    let environment = AppEnvironment.testing()

    func gallery(items count: Int) -> AppState {
        .showingGallery(items: count, environment: environment)
    }

    func press(_ keys: [InputKey], in state: inout AppState) -> [Effect] {
        keys.flatMap { state.update(.key($0), environment: environment) }
    }

    @Test(arguments: [InputKey.character("v"), .enter])
    func opensOnTheSelectedImageAndEscReturnsToTheList(key: InputKey) {
        var state = gallery(items: 3)
        _ = press([.down, key], in: &state)
        #expect(state.gallery.isViewing)
        #expect(state.gallery.selectedItem?.url.path == "/g/1.png")
        // Arrows page through the images without leaving the view, and stop at the ends.
        _ = press([.right, .right, .right], in: &state)
        #expect(state.gallery.selected == 2)
        _ = press([.left, .character("k")], in: &state)
        #expect(state.gallery.selected == 0)
        _ = press([.escape], in: &state)
        #expect(!state.gallery.isViewing)
        #expect(state.screen == .gallery)
        // The list's own keys work again: Esc now goes back to compose.
        _ = press([.escape], in: &state)
        #expect(state.screen == .compose)
    }

    @Test func qClosesTheViewInsteadOfQuittingAndCopyStillWorks() {
        var state = gallery(items: 2)
        _ = press([.character("v")], in: &state)
        #expect(press([.character("c")], in: &state) == [.copyToClipboard("/g/0.png")])
        let effects = press([.character("q")], in: &state)
        #expect(effects == [])
        #expect(!effects.contains(.quit) && !state.gallery.isViewing)
    }

    @Test func anEmptyGalleryHasNothingToViewAndAnEmptiedOneShowsTheList() {
        var empty = gallery(items: 0)
        _ = press([.character("v")], in: &empty)
        #expect(!empty.gallery.isViewing)

        var state = gallery(items: 1)
        _ = press([.character("v")], in: &state)
        _ = state.update(.galleryLoaded(items: [], total: 0, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(!state.gallery.isViewing)
        // Keys reach the list again: Esc goes back to compose.
        _ = press([.escape], in: &state)
        #expect(state.screen == .compose)
    }
}
