import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// The gallery's grid of thumbnails as `update` sees it: `g` switches (and asks to remember the
/// choice), arrows and `h j k l` move in two directions, pages go by a screen of rows, and
/// every command of the list works on the selected thumbnail.
@Suite struct GalleryGridTests {
    let environment = AppEnvironment.testing()

    /// The gallery with `count` images, all loaded, in a grid of `columns` x `rows` on screen.
    func grid(items count: Int, columns: Int = 3, rows: Int = 2) -> AppState {
        var state = AppState.showingGallery(items: count, environment: environment)
        _ = state.update(.galleryGridLayout(columns: columns, rows: rows), environment: environment)
        #expect(state.update(.key(.character("g")), environment: environment) == [.saveGalleryViewMode(.grid)])
        return state
    }

    @discardableResult
    func press(_ keys: [InputKey], in state: inout AppState) -> [Effect] {
        keys.flatMap { state.update(.key($0), environment: environment) }
    }

    @Test func gSwitchesBetweenListAndGridAndAsksToRememberIt() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        #expect(state.keyContext == .galleryList)
        #expect(press([.character("g")], in: &state) == [.saveGalleryViewMode(.grid)])
        #expect(state.gallery.viewMode == .grid)
        #expect(state.keyContext == .galleryGrid)
        #expect(state.keyGuide.footer.contains(KeyHint("g", "list")))
        #expect(press([.character("g")], in: &state) == [.saveGalleryViewMode(.list)])
        #expect(state.keyContext == .galleryList)
        // In the list, Home is the way to the first image; g no longer is.
        _ = press([.down, .down, .home], in: &state)
        #expect(state.gallery.selected == 0)
    }

    @Test func arrowsAndHJKLMoveByOneAndByARowAndStopAtTheEdges() {
        var state = grid(items: 10)  // rows of 3: 0 1 2 / 3 4 5 / 6 7 8 / 9
        _ = press([.left, .character("h"), .up, .character("k")], in: &state)
        #expect(state.gallery.selected == 0, "nothing left of or above the first image")
        _ = press([.right, .character("l")], in: &state)
        #expect(state.gallery.selected == 2)
        _ = press([.down, .character("j")], in: &state)
        #expect(state.gallery.selected == 8)
        // Down into the short last row lands on its last image; from there, down stays.
        _ = press([.down], in: &state)
        #expect(state.gallery.selected == 9)
        _ = press([.down, .right], in: &state)
        #expect(state.gallery.selected == 9)
        _ = press([.up], in: &state)
        #expect(state.gallery.selected == 6)
        _ = press([.home], in: &state)
        #expect(state.gallery.selected == 0)
        _ = press([.end], in: &state)
        #expect(state.gallery.selected == 9)
        _ = press([.character("G"), .home], in: &state)
        #expect(state.gallery.selected == 0)
    }

    @Test func theScreenScrollsOnlyToKeepTheSelectionInView() {
        var state = grid(items: 30)  // 3 columns, 2 rows on screen
        #expect(state.gallery.grid.visible == 0..<6)
        _ = press([.down], in: &state)
        #expect(state.gallery.grid.visible == 0..<6)
        _ = press([.down], in: &state)
        #expect(state.gallery.selected == 6)
        #expect(state.gallery.grid.visible == 3..<9)
        _ = press([.up], in: &state)
        #expect(state.gallery.grid.visible == 3..<9, "moving within the screen does not scroll")
        _ = press([.up], in: &state)
        #expect(state.gallery.grid.visible == 0..<6)
    }

    @Test func pagesMoveTheSelectionAndTheScreenByAScreenOfRows() {
        var state = grid(items: 20)  // 7 rows of 3 (the last holds 2), 2 rows on screen
        _ = press([.right], in: &state)
        _ = press([.pageDown], in: &state)
        #expect(state.gallery.selected == 7)
        #expect(state.gallery.grid.visible == 6..<12)
        _ = press([.pageDown, .pageDown], in: &state)
        #expect(state.gallery.selected == 19, "the last page stops on the last image")
        #expect(state.gallery.grid.visible == 15..<21)
        _ = press([.pageUp], in: &state)
        #expect(state.gallery.selected == 13)
        #expect(state.gallery.grid.visible == 9..<15)
        _ = press([.pageUp, .pageUp, .pageUp], in: &state)
        #expect(state.gallery.selected == 0)
        #expect(state.gallery.grid.visible == 0..<6)
    }

    @Test func aNewTerminalSizeKeepsTheSelectionOnScreen() {
        var state = grid(items: 100, columns: 5, rows: 4)
        _ = press([.end], in: &state)
        #expect(state.gallery.grid.visible.contains(99))
        _ = state.update(.galleryGridLayout(columns: 3, rows: 2), environment: environment)
        #expect(state.gallery.grid.visible.contains(99))
        _ = state.update(.galleryGridLayout(columns: 9, rows: 6), environment: environment)
        #expect(state.gallery.grid.visible.contains(99))
    }

    @Test func theListsCommandsWorkOnTheSelectedThumbnail() {
        var state = grid(items: 6)
        _ = press([.right, .down], in: &state)
        #expect(state.gallery.selectedItem?.url.path == "/g/4.png")
        #expect(press([.character("c")], in: &state) == [.copyToClipboard("/g/4.png")])
        #expect(press([.character("o")], in: &state) == [.openInViewer(path: "/g/4.png")])
        let item = state.gallery.selectedItem!
        #expect(press([.character("d")], in: &state) == [.trash(item)])
        _ = state.update(.trashed(item), environment: environment)
        #expect(press([.character("u")], in: &state) == [.restore(item)])
        // v and Enter open the full-screen view on it; Esc comes back to the grid.
        _ = press([.enter], in: &state)
        #expect(state.keyContext == .fullScreen)
        #expect(state.gallery.selectedItem?.url.path == "/g/4.png")
        _ = press([.escape], in: &state)
        #expect(state.keyContext == .galleryGrid)
        _ = press([.character("/")], in: &state)
        #expect(state.keyContext == .galleryFilter)
        _ = press([.escape, .character("r")], in: &state)
        #expect(state.screen == .compose)
        #expect(state.compose.input.editor.text == "image 4")
    }

    @Test func afterADeleteTheSelectionStaysInPlace() {
        var state = grid(items: 6)
        _ = press([.right, .right], in: &state)
        let deleted = state.gallery.selectedItem!
        _ = state.update(.trashed(deleted), environment: environment)
        let rest = state.gallery.items.filter { $0.id != deleted.id }
        _ = state.update(.galleryLoaded(items: rest, total: 5, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(state.gallery.selected == 2)
        #expect(state.gallery.selectedItem?.url.path == "/g/3.png", "the next image moves into the deleted one's place")
    }
}

/// A gallery of 100,000 images with a page of 200 loaded: the selection counts over all of
/// them, moving never waits, and the page around the selection is asked for in the background.
@Suite struct GalleryWindowTests {
    let environment = AppEnvironment.testing()
    let total = 100_000
    let page = AppState.galleryPageSize

    func entries(_ range: Range<Int>) -> [GalleryEntry] {
        range.map { index in
            GalleryEntry.testing(
                id: "\(index)", path: "/g/\(index).png", prompt: "image \(index)", model: nil, size: "1024x1024", quality: nil,
                created: Date(timeIntervalSince1970: 0), credits: nil, request: nil
            )
        }
    }

    func gallery(grid: Bool) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        state.gallery.viewMode = grid ? .grid : .list
        _ = state.update(.galleryGridLayout(columns: 5, rows: 4), environment: environment)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: entries(0..<page), total: total, query: GalleryQuery(), offset: 0), environment: environment)
        return state
    }

    func load(_ offset: Int) -> Effect { .loadGallery(GalleryQuery(), offset: offset, limit: page) }

    /// The page loads a key asks for (other effects, such as the lineage look-up, aside).
    func pageLoads(_ key: InputKey, in state: inout AppState) -> [Effect] {
        state.update(.key(key), environment: environment).filter { if case .loadGallery = $0 { true } else { false } }
    }

    @Test(arguments: [false, true])
    func endSelectsTheLastOfAllImagesAndLoadsItsPage(grid: Bool) {
        var state = gallery(grid: grid)
        #expect(pageLoads(.end, in: &state) == [load(total - page)])
        #expect(state.gallery.selected == total - 1)
        #expect(state.gallery.selectedItem == nil, "its page is on its way; the key did not wait for it")
        // Moving on while the page loads asks for it only once.
        #expect(pageLoads(grid ? .left : .up, in: &state) == [])
        _ = state.update(.galleryLoaded(items: entries(total - page..<total), total: total, query: GalleryQuery(), offset: total - page), environment: environment)
        #expect(state.gallery.selected == total - 2, "the page does not move the selection")
        #expect(state.gallery.selectedItem?.id == "\(total - 2)")
        #expect(pageLoads(.home, in: &state) == [load(0)])
        #expect(state.gallery.selected == 0)
    }

    @Test func pagingDownTheGridLoadsTheNextPageBeforeTheSelectionRunsOut() {
        var state = gallery(grid: true)
        var asked: [Effect] = []
        for _ in 0..<8 { asked += pageLoads(.pageDown, in: &state) }
        // 8 screens of 20: image 160 is a quarter page from the loaded page's end.
        #expect(state.gallery.selected == 160)
        #expect(asked == [load(60)])
        #expect(state.gallery.selectedItem?.id == "160", "still on the loaded page")
        _ = state.update(.galleryLoaded(items: entries(60..<260), total: total, query: GalleryQuery(), offset: 60), environment: environment)
        #expect(state.gallery.selectedItem?.id == "160")
        #expect(state.gallery.offset == 60)
    }

    @Test func theListPagesThroughAllImagesToo() {
        var state = gallery(grid: false)
        var asked: [Effect] = []
        for _ in 0..<30 { asked += pageLoads(.pageDown, in: &state) }
        #expect(state.gallery.selected == 300)
        // A page is asked for a quarter page before the loaded one ends, and again only when
        // the selection nears the end of the page on its way, not at every key.
        #expect(asked == [load(50), load(100), load(150), load(200)])
        #expect(state.gallery.selectedItem == nil)
        _ = state.update(.galleryLoaded(items: entries(200..<400), total: total, query: GalleryQuery(), offset: 200), environment: environment)
        #expect(state.gallery.requestedOffset == nil)
        #expect(state.gallery.selectedItem?.id == "300")
        #expect(pageLoads(.down, in: &state) == [])
    }

    /// Only the newest request reports: a page overtaken by another (a deletion's reload) or
    /// one that failed is asked for again, not waited for forever.
    @Test func aPageThatNeverCameIsAskedForAgain() {
        var state = gallery(grid: true)
        #expect(pageLoads(.end, in: &state) == [load(total - page)])
        let effects = state.update(.galleryLoaded(items: entries(0..<page), total: total, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(effects.filter { if case .loadGallery = $0 { true } else { false } } == [load(total - page)])
        #expect(state.gallery.selected == total - 1)
        _ = state.update(.galleryFailed("the index is locked"), environment: environment)
        #expect(pageLoads(.left, in: &state) == [load(total - page)])
    }

    @Test func aNewQueryStartsAtTheTopAgain() {
        var state = gallery(grid: true)
        _ = state.update(.key(.end), environment: environment)
        let query = GalleryQuery(text: "fox")
        _ = state.update(.galleryLoaded(items: entries(0..<3), total: 3, query: query, offset: 0), environment: environment)
        #expect(state.gallery.selected == 0)
        #expect(state.gallery.grid.visible.contains(0))
        #expect(state.gallery.requestedOffset == nil)
    }
}
