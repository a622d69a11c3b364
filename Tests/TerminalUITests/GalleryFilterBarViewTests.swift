import Foundation
import Gallery
import PixtermCore
import TestSupport
import Testing
@testable import TerminalUI

/// The filter bar as drawn, and the title's short form of the filters in force.
@Suite struct GalleryFilterBarViewTests {
    let environment = AppEnvironment.testing()
    let view = AppView(colorMode: .ansi256)

    func firstRows(_ state: AppState, columns: Int) -> [String] {
        let text = view.render(state, environment: environment, size: GridSize(columns: columns, rows: 24), now: Date()).text
        return Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).map(String.init))
    }

    /// Every field on a wide terminal; on a narrow one the fields before the focused one give
    /// way so it stays in view.
    @Test func theBarShowsEveryFieldAndKeepsTheFocusedOneInView() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = state.update(.key(.character("f")), environment: environment)
        _ = state.update(.key(.right), environment: environment)
        _ = state.update(.key(.right), environment: environment)
        _ = state.update(.key(.down), environment: environment)
        let wide = firstRows(state, columns: 120).joined(separator: "\n")
        #expect(wide.contains("model any  size any  quality low  since any  until any  min cr any  max cr any  sort newest"))
        #expect(!wide.contains("Gallery ·"), "the bar takes the title's line")
        _ = state.update(.key(.left), environment: environment)
        _ = state.update(.key(.left), environment: environment)
        _ = state.update(.key(.left), environment: environment)
        _ = state.update(.key(.character("c")), environment: environment)
        let narrow = firstRows(state, columns: 60).joined(separator: "\n")
        #expect(narrow.contains("sort cost"), "the focused field is in view:\n\(narrow)")
        #expect(!narrow.contains("model any"))
    }

    @Test func theTitleSummarisesTheFiltersInForce() {
        let query = GalleryQuery(
            text: "fox", model: "gpt-image-2", quality: "high", since: GalleryQueryInput.startOfDay("2026-11-01"), minCredits: 10, maxCredits: 40, sort: .cost
        )
        #expect(GalleryFilterBarView.summary(query) == "gpt-image-2 · high · since 2026-11-01 · 10–40 cr · by cost")
        #expect(GalleryFilterBarView.summary(GalleryQuery(maxCredits: 5, sort: .oldest)) == "≤5 cr · oldest first")
        #expect(GalleryFilterBarView.summary(GalleryQuery(text: "fox")).isEmpty)
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = state.update(.galleryLoaded(items: state.gallery.items, total: 2, query: query, offset: 0), environment: environment)
        let title = firstRows(state, columns: 120).joined(separator: "\n")
        #expect(title.contains("Gallery · 2 images matching “fox” · gpt-image-2 · high · since 2026-11-01 · 10–40 cr · by cost (Esc clears)"))
    }
}

extension GalleryQueryInput {
    /// Local midnight of a `yyyy-MM-dd` day, as the filter reads it.
    fileprivate static func startOfDay(_ day: String) -> Date? { try? date(day, now: Date()) }
}
