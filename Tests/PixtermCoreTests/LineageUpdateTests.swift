import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// The gallery's edit lineage: loading it as the selection moves, `p`, `[`, `]`, `b`, and edit
/// mode started from the gallery.
@Suite struct LineageUpdateTests {
    let environment = AppEnvironment.testing(maxCredits: 100, keyHelp: "PIXAPI_KEY")

    /// A fox, two edits of it (night newer than snow), and a lighthouse; newest first.
    let night = Self.entry("night", prompt: "make it night", created: 3, source: "g/fox.png")
    let snow = Self.entry("snow", prompt: "add snow", created: 2, source: "g/fox.png")
    let fox = Self.entry("fox", prompt: "A red fox in snow, 雪の中の赤い狐 🦊, watercolor", created: 1)
    let lighthouse = Self.entry("lighthouse", prompt: "a lighthouse", created: 0)

    static func entry(_ name: String, prompt: String, created: Double, source: String? = nil) -> GalleryEntry {
        let request = ImageRequest(operation: source == nil ? .generate : .edit, model: "gpt-image-2", prompt: prompt, images: source.map { ["/\($0)"] } ?? [])
        return GalleryEntry.testing(
            id: name, path: "/g/\(name).png", prompt: prompt, model: "gpt-image-2", size: "1024x1024", quality: "low",
            created: Date(timeIntervalSince1970: created), credits: 14, request: request, source: source
        )
    }

    var foxLineage: GalleryLineage { GalleryLineage(entry: fox, parent: nil, children: [night, snow], childCount: 2, siblings: []) }
    func editLineage(_ edit: GalleryEntry) -> GalleryLineage {
        GalleryLineage(entry: edit, parent: fox, children: [], childCount: 0, siblings: [night, snow])
    }

    /// The gallery showing `items` (all of them, from the first), `selected` selected, its
    /// lineage answered with `lineage`.
    func gallery(_ items: [GalleryEntry], selecting selected: GalleryEntry, lineage: GalleryLineage) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: items, total: items.count, query: GalleryQuery(), offset: 0), environment: environment)
        state.gallery.select(items.firstIndex(of: selected) ?? 0)
        _ = state.update(.log("selection moved"), environment: environment)
        _ = state.update(.lineageLoaded(lineage), environment: environment)
        return state
    }

    func press(_ key: Character, _ state: inout AppState) -> [Effect] { state.update(.key(.character(key)), environment: environment) }

    @Test func theSelectedImagesLineageIsAskedForWhenTheSelectionMovesAndAStaleAnswerIsIgnored() {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        let loaded = state.update(.galleryLoaded(items: [night, snow, fox], total: 3, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(loaded.contains(.loadLineage(night)))
        #expect(press("j", &state) == [.loadLineage(snow)])
        #expect(press("k", &state) == [.loadLineage(night)], "back to night: asked again, the snow answer may still come")
        #expect(press("?", &state).isEmpty, "no move, no question")
        _ = state.update(.key(.escape), environment: environment)

        _ = state.update(.lineageLoaded(editLineage(snow)), environment: environment)
        #expect(state.lineage.loaded == nil, "the answer about snow came after the selection left it")
        #expect(state.lineage.lineage(of: night) == nil)
        _ = state.update(.lineageLoaded(editLineage(night)), environment: environment)
        #expect(state.lineage.lineage(of: night)?.parent == fox)
        // A page arriving (an edit saved or deleted meanwhile) asks again for the same image.
        let reloaded = state.update(.galleryLoaded(items: [night, snow, fox], total: 3, query: GalleryQuery(), offset: 0), environment: environment)
        #expect(reloaded.contains(.loadLineage(night)))
    }

    @Test func pGoesToTheParentOnThePage() {
        var state = gallery([night, snow, fox, lighthouse], selecting: snow, lineage: editLineage(snow))
        #expect(press("p", &state) == [.loadLineage(fox)])
        #expect(state.gallery.selectedItem == fox)
        _ = state.update(.lineageLoaded(foxLineage), environment: environment)
        #expect(press("p", &state).isEmpty)
        #expect(state.gallery.selectedItem == fox)
        #expect(state.message?.text == "this image is not an edit")
    }

    @Test func pAsksTheGalleryWhereAParentOffThePageIsAndGoesThereWhenTheSelectionStayed() {
        var state = gallery([night, snow], selecting: night, lineage: editLineage(night))
        let query = GalleryQuery(text: "make")
        state.gallery.query = query
        #expect(press("p", &state) == [.locateInGallery(fox, query, limit: AppState.galleryPageSize)])
        #expect(state.gallery.selectedItem == night, "the selection waits for the answer")

        let page = [night, snow, fox]
        let found = GalleryLocation(entryID: "fox", index: 1_002, query: GalleryQuery(), items: page, offset: 1_000, total: 5_000)
        var moved = state
        _ = moved.update(.key(.character("j")), environment: environment)
        _ = moved.update(.galleryLocated(found), environment: environment)
        #expect(moved.gallery.selectedItem == snow, "the user moved on: the answer is stale")

        let effects = state.update(.galleryLocated(found), environment: environment)
        #expect(state.gallery.selected == 1_002 && state.gallery.selectedItem == fox)
        #expect(state.gallery.query == GalleryQuery() && state.gallery.total == 5_000)
        #expect(effects.contains(.loadLineage(fox)))
        #expect(state.message?.text.contains("the filter hid it and was cleared") == true)
    }

    @Test func bracketsStepFromAnImageIntoItsEditsAndThroughTheEditsOfOneSource() {
        var state = gallery([night, snow, fox, lighthouse], selecting: fox, lineage: foxLineage)
        _ = press("]", &state)
        #expect(state.gallery.selectedItem == night, "] goes to the newest edit")
        _ = state.update(.lineageLoaded(editLineage(night)), environment: environment)
        _ = press("]", &state)
        #expect(state.gallery.selectedItem == snow, "then to the next older edit of the same source")
        _ = state.update(.lineageLoaded(editLineage(snow)), environment: environment)
        #expect(press("]", &state).isEmpty)
        #expect(state.gallery.selectedItem == snow)
        #expect(state.message?.text.contains("no older edit") == true)
        _ = press("[", &state)
        #expect(state.gallery.selectedItem == night)

        var fromTheSource = gallery([night, snow, fox, lighthouse], selecting: fox, lineage: foxLineage)
        _ = press("[", &fromTheSource)
        #expect(fromTheSource.gallery.selectedItem == snow, "[ goes to the oldest edit")

        let alone = GalleryLineage(entry: lighthouse, parent: nil, children: [], childCount: 0, siblings: [])
        var nothing = gallery([night, snow, fox, lighthouse], selecting: lighthouse, lineage: alone)
        #expect(press("]", &nothing).isEmpty)
        #expect(nothing.gallery.selectedItem == lighthouse)
        #expect(nothing.message?.text.contains("no edits and is not an edit") == true)
    }

    @Test func lineageKeysWaitForTheLineage() {
        var state = gallery([night, snow, fox], selecting: night, lineage: editLineage(snow))
        #expect(press("p", &state).isEmpty)
        #expect(state.gallery.selectedItem == night)
        #expect(state.message?.text.contains("still looking up") == true)
    }

    @Test func bComparesAnEditWithItsSourceAndSpaceSwitchesWhichIsShown() {
        var state = gallery([night, snow, fox], selecting: night, lineage: editLineage(night))
        _ = press("b", &state)
        #expect(state.lineage.comparison?.before == fox && state.lineage.comparison?.after == night)
        #expect(state.keyContext == .compare)
        #expect(state.lineage.comparison?.shown == night)
        _ = state.update(.key(.tab), environment: environment)
        #expect(state.lineage.comparison?.shown == fox)
        _ = press(" ", &state)
        #expect(state.lineage.comparison?.shown == night)
        #expect(press("j", &state).isEmpty && state.gallery.selectedItem == night, "the list's keys wait under the comparison")
        _ = state.update(.key(.escape), environment: environment)
        #expect(state.lineage.comparison == nil && state.keyContext == .galleryList)

        var original = gallery([night, snow, fox], selecting: fox, lineage: foxLineage)
        _ = press("b", &original)
        #expect(original.lineage.comparison == nil)
        #expect(original.message?.text.contains("b compares an edit with its source") == true)
    }

    /// Today's bug: `e` put the source's prompt in the editor, and the instruction typed after it
    /// ran into it (`...watercolormake it night`).
    @Test func editFromTheGalleryStartsWithAnEmptyInstructionAndShowsTheSourcesPrompt() {
        var state = gallery([night, snow, fox], selecting: fox, lineage: foxLineage)
        _ = press("e", &state)
        #expect(state.screen == .compose && state.compose.operation == .edit && state.compose.focus == .prompt)
        #expect(state.compose.sources == ["/g/fox.png"])
        #expect(state.compose.input.editor.text == "")
        #expect(state.compose.referencePrompt == fox.prompt)
        for char in "make it night" { _ = state.update(.key(.character(char)), environment: environment) }
        #expect(state.compose.input.editor.text == "make it night")

        // Reuse still copies the prompt; the reference goes with edit mode and with the source.
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = press("r", &state)
        #expect(state.compose.input.editor.text == fox.prompt)
        #expect(state.compose.referencePrompt == nil)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = press("e", &state)
        state.compose.sources = ["/elsewhere.png"]
        #expect(state.compose.referencePrompt == nil, "the source it came from is no longer a source")
    }
}
