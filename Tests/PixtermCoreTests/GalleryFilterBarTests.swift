import Foundation
import Gallery
import Testing
import TestSupport
@testable import PixtermCore

/// The gallery's filter bar (`f`), through `update` only: what the keys change in the bar and
/// the query Enter loads.
@Suite struct GalleryFilterBarTests {
    let clock = TestClock()
    var environment: AppEnvironment { .testing(clock: clock) }

    func press(_ keys: [InputKey], _ state: inout AppState) -> [Effect] {
        keys.flatMap { state.update(.key($0), environment: environment) }
    }

    func typed(_ text: String) -> [InputKey] { text.map(InputKey.character) }

    func load(_ query: GalleryQuery) -> Effect { .loadGallery(query, offset: 0, limit: AppState.galleryPageSize) }

    @Test func fOpensTheBarAndEnterLoadsWhatItChose() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        #expect(press([.character("f")], &state).isEmpty)
        #expect(state.keyContext == .galleryFilterBar)
        #expect(state.gallery.filterBar?.field == .model)
        // ↓ on quality steps from any to low, then medium; q is typed, never quits.
        #expect(press([.right, .right, .down, .down], &state).isEmpty)
        #expect(state.gallery.filterBar?.text(.quality) == "medium")
        #expect(press([.character("q")], &state).isEmpty && state.gallery.filterBar != nil)
        #expect(state.gallery.filterBar?.text(.quality) == "medium", "no quality starts with q")
        // Typed dates and credits; sort picked by its first letter.
        _ = press([.right] + typed("7d") + [.right, .right] + typed("10") + [.right] + typed("40") + [.right, .character("c")], &state)
        #expect(state.gallery.filterBar?.text(.sort) == "cost")
        #expect(state.gallery.query == GalleryQuery(), "nothing changes before Enter")
        let effects = press([.enter], &state)
        let wanted = GalleryQuery(quality: "medium", since: clock.now.addingTimeInterval(-7 * 86_400), minCredits: 10, maxCredits: 40, sort: .cost)
        #expect(effects == [load(wanted)])
        #expect(state.gallery.filterBar == nil && state.keyContext == .galleryList)
    }

    @Test func theFieldsWrapAndPickersStepBothWays() {
        var state = AppState.showingGallery(items: 1, environment: environment)
        _ = press([.character("f"), .left], &state)
        #expect(state.gallery.filterBar?.field == .sort)
        _ = press([.tab], &state)
        #expect(state.gallery.filterBar?.field == .model)
        _ = press([.down], &state)
        #expect(state.gallery.filterBar?.text(.model) == environment.catalog.modelIDs.first)
        _ = press([.up, .up], &state)
        #expect(state.gallery.filterBar?.text(.model) == environment.catalog.modelIDs.last, "up from any wraps to the last model")
        _ = press([.right, .down], &state)
        #expect(state.gallery.filterBar?.text(.size) == "1024x1024")
        _ = press([.right, .up, .backspace], &state)
        #expect(state.gallery.filterBar?.text(.quality) == "", "backspace on a choice goes back to any")
    }

    /// The text filter in force stays; the bar's own filters compose with it.
    @Test func theBarKeepsTheTextFilterAndShowsTheQueryInForce() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        let inForce = GalleryQuery(text: "fox", model: "gpt-image-2", since: day(3), until: day(5), maxCredits: 12, sort: .oldest)
        _ = state.update(.galleryLoaded(items: state.gallery.items, total: 2, query: inForce, offset: 0), environment: environment)
        _ = press([.character("f")], &state)
        let bar = state.gallery.filterBar
        #expect(bar?.text(.model) == "gpt-image-2" && bar?.text(.maxCredits) == "12" && bar?.text(.sort) == "oldest")
        #expect(bar?.text(.since) == GalleryQueryInput.text(for: day(3)))
        #expect(press([.enter], &state) == [load(inForce)], "the bar reads back the query it was opened on")
        _ = press([.character("f"), .right, .right] + typed("h") + [.enter], &state)
        var narrowed = inForce
        narrowed.quality = "high"
        #expect(state.gallery.filterBar == nil)
        _ = state.update(.galleryLoaded(items: [], total: 0, query: narrowed, offset: 0), environment: environment)
        // Ctrl+U clears the bar's filters and order, never the text.
        #expect(press([.character("f"), .ctrl("u"), .enter], &state) == [load(GalleryQuery(text: "fox"))])
    }

    @Test func escCancelsAndLeavesTheListAsItWas() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        let effects = press([.character("f"), .right, .right, .down, .escape], &state)
        #expect(effects.isEmpty)
        #expect(state.gallery.filterBar == nil && state.gallery.query == GalleryQuery() && state.screen == .gallery)
    }

    /// A value that cannot be read keeps the bar open on its field, says why, and loads nothing.
    @Test func aBadValueOrAnEmptyRangeIsRefusedOnItsField() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = press([.character("f"), .right, .right, .right] + typed("last week") + [.enter], &state)
        #expect(state.gallery.filterBar?.field == .since)
        #expect(state.message?.text.hasPrefix("since: \"last week\" is not a day like 2026-11-01") == true)
        _ = press(Array(repeating: .backspace, count: 9) + typed("2d") + [.right] + typed("3d"), &state)
        #expect(press([.enter], &state).isEmpty)
        #expect(state.gallery.filterBar?.field == .until)
        #expect(state.message?.text == "until is not after since, so no image can match")
        _ = press([.ctrl("u"), .right] + typed("ten") + [.enter], &state)
        #expect(state.gallery.filterBar?.field == .minCredits)
        #expect(state.message?.text == "min cr: \"ten\" is not a whole number of credits (0 or more)")
        _ = press([.backspace, .backspace, .backspace] + typed("20") + [.right] + typed("10") + [.enter], &state)
        #expect(state.message?.text == "max cr is less than min cr, so no image can match")
        #expect(state.gallery.filterBar != nil)
        // Once the values are accepted, the refusal goes.
        #expect(press([.backspace, .backspace] + typed("30") + [.enter], &state) == [load(GalleryQuery(minCredits: 20, maxCredits: 30))])
        #expect(state.message == nil)
    }

    /// Esc in the list clears the text filter first, then the bar's filters, then leaves.
    @Test func escInTheListClearsTextThenFiltersThenLeaves() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        let inForce = GalleryQuery(text: "fox", quality: "high", sort: .cost)
        _ = state.update(.galleryLoaded(items: state.gallery.items, total: 2, query: inForce, offset: 0), environment: environment)
        #expect(press([.escape], &state) == [load(GalleryQuery(quality: "high", sort: .cost))])
        _ = state.update(.galleryLoaded(items: state.gallery.items, total: 2, query: GalleryQuery(quality: "high", sort: .cost), offset: 0), environment: environment)
        #expect(press([.escape], &state) == [load(GalleryQuery())])
        _ = state.update(.galleryLoaded(items: state.gallery.items, total: 2, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(press([.escape], &state).isEmpty && state.screen == .compose)
    }
}

/// A fixed instant plus `days`.
private func day(_ days: Double) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + days * 86_400) }
