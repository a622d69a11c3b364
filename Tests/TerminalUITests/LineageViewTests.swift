import Foundation
import Gallery
import PixapiKit
import PixtermCore
import TerminalGraphics
import TestSupport
import Testing
@testable import TerminalUI

/// The lineage on screen: "edited from" with the source's thumbnail and "edits: N" in the
/// details pane, the before/after comparison, and the source's prompt in edit mode.
@Suite struct LineageViewTests {
    let environment = AppEnvironment.testing()
    let view = AppView(colorMode: .truecolor)
    static let foxPrompt = "A red fox in snow, 雪の中の赤い狐 🦊, watercolor"

    static func entry(_ name: String, prompt: String, source: String? = nil) -> GalleryEntry {
        let request = ImageRequest(operation: source == nil ? .generate : .edit, model: "gpt-image-2", prompt: prompt, images: source.map { ["/\($0)"] } ?? [])
        return GalleryEntry.testing(
            id: name, path: "/g/\(name).png", prompt: prompt, model: "gpt-image-2", size: "1024x1024", quality: "low",
            created: Date(timeIntervalSince1970: 1_800_000_000), credits: 14, request: request, source: source
        )
    }

    let fox = Self.entry("fox", prompt: Self.foxPrompt)
    let night = Self.entry("night", prompt: "make it night", source: "g/fox.png")

    /// The gallery with `selected` selected and `lineage` loaded for it.
    func gallery(_ selected: GalleryEntry, lineage: GalleryLineage?, keys: [InputKey] = []) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.galleryLoaded(items: [selected], total: 1, query: GalleryQuery(), offset: 0), environment: environment)
        if let lineage { _ = state.update(.lineageLoaded(lineage), environment: environment) }
        for key in keys { _ = state.update(.key(key), environment: environment) }
        return state
    }

    func render(_ state: AppState, size: GridSize, preview: (GalleryEntry, PreviewSlot) -> PreviewState) -> Frame {
        view.render(state, environment: environment, size: size, now: Date(), preview: preview)
    }

    @Test func anEditShowsItsSourceWithAThumbnailAndAnImageItsEditCount() {
        let red = RGB(220, 30, 30)
        var asked: [String: PreviewSlot] = [:]
        let state = gallery(night, lineage: GalleryLineage(entry: night, parent: fox, children: [], childCount: 0, siblings: [night]))
        let frame = render(state, size: GridSize(columns: 100, rows: 30)) { item, slot in
            asked[item.url.lastPathComponent] = slot
            return .ready(Array(repeating: Array(repeating: HalfBlockCell(top: red, bottom: red), count: slot.rect.width), count: slot.rect.height))
        }
        let text = frame.text
        #expect(text.contains("edited from: A red fox in snow"), "\(text)")
        guard let rect = asked["fox.png"]?.rect else {
            Issue.record("no thumbnail of the source was asked for")
            return
        }
        #expect(rect.width == GalleryDetailView.sourceThumbnail.columns && rect.height == GalleryDetailView.sourceThumbnail.rows)
        #expect(frame.grid[rect.row, rect.column].style.background == .rgb(red), "the source's thumbnail is drawn")
        let line = frame.grid.rows()[rect.row]
        #expect(line.contains("▀▀▀▀▀▀ edited from: "), "the words stand beside the thumbnail: \(line)")
        #expect(!text.contains("edits:"), "no edits were made from this one")

        let source = gallery(fox, lineage: GalleryLineage(entry: fox, parent: nil, children: [night], childCount: 3, siblings: []))
        let sourceText = render(source, size: GridSize(columns: 100, rows: 30)) { _, _ in .loading }.text
        #expect(sourceText.contains("edits: 3"))
        #expect(!sourceText.contains("edited from"))
    }

    /// The grid has no details pane: its line under the thumbnails names the source and the edits.
    @Test func theGridsDetailsLineNamesTheSourceAndTheEdits() {
        let edit = gallery(night, lineage: GalleryLineage(entry: night, parent: fox, children: [], childCount: 0, siblings: [night]), keys: [.character("g")])
        #expect(edit.gallery.viewMode == .grid)
        let editText = render(edit, size: GridSize(columns: 120, rows: 30)) { _, _ in .loading }.text
        #expect(editText.contains("edited from “A red fox in snow"), "\(editText)")
        #expect(!editText.contains("edits:"))

        let source = gallery(fox, lineage: GalleryLineage(entry: fox, parent: nil, children: [night], childCount: 3, siblings: []), keys: [.character("g")])
        let sourceText = render(source, size: GridSize(columns: 120, rows: 30)) { _, _ in .loading }.text
        #expect(sourceText.contains("edits: 3 (] [)"), "\(sourceText)")
        #expect(!sourceText.contains("edited from"))
    }

    /// Where one picture is shown at a time, a click or a wheel notch on it shows the other.
    @Test func aClickOnANarrowComparisonSwitchesThePicture() throws {
        var state = gallery(night, lineage: GalleryLineage(entry: night, parent: fox, children: [], childCount: 0, siblings: [night]), keys: [.character("b")])
        let narrow = GridSize(columns: 64, rows: 24)
        let regions = render(state, size: narrow) { _, _ in .loading }.mouseRegions
        let area = try #require(regions.first { $0.target == .comparison }?.rect, "the picture is a target on a narrow terminal")
        #expect(!render(state, size: GridSize(columns: 100, rows: 30)) { _, _ in .loading }.mouseRegions.contains { $0.target == .comparison }, "not side by side")
        #expect(state.lineage.comparison?.showsBefore == false)
        let hit = MouseHit(target: .comparison, row: 3, column: 3, width: area.width, height: area.height)
        _ = state.update(.mouse(MouseInput(gesture: .click, hits: [hit])), environment: environment)
        #expect(state.lineage.comparison?.showsBefore == true)
        _ = state.update(.mouse(MouseInput(gesture: .wheelDown, hits: [hit])), environment: environment)
        #expect(state.lineage.comparison?.showsBefore == false)
    }

    @Test func theSourceLineIsSanitizedTruncatedAndSaysWhenTheSourceIsGone() {
        let hostile = Self.entry("fox", prompt: "a fox\u{1B}]52;c;ZXZpbA==\u{07} " + String(repeating: "very long words ", count: 20))
        let state = gallery(night, lineage: GalleryLineage(entry: night, parent: hostile, children: [], childCount: 0, siblings: [night]))
        let frame = render(state, size: GridSize(columns: 80, rows: 24)) { _, _ in .loading }
        let rows = frame.grid.rows()
        #expect(frame.text.contains("edited from: a fox"), "\(frame.text)")
        #expect(!frame.text.contains("52;c;") && !frame.text.contains("ZXZpbA"))
        #expect(frame.text.split(separator: "\n").contains { $0.hasSuffix("…") && $0.contains("very long") }, "the prompt is cut with an ellipsis")
        #expect(rows.allSatisfy { DisplayWidth.of($0) == 80 })

        let gone = gallery(night, lineage: GalleryLineage(entry: night, parent: nil, children: [], childCount: 0, siblings: []))
        #expect(render(gone, size: GridSize(columns: 100, rows: 30)) { _, _ in .loading }.text.contains("edited from: g/fox.png, no longer in the gallery"))
        let loading = gallery(night, lineage: nil)
        #expect(render(loading, size: GridSize(columns: 100, rows: 30)) { _, _ in .loading }.text.contains("edited from: …"))
    }

    @Test func pixelThumbnailsAreOverlaysBesideThePreview() {
        let state = gallery(night, lineage: GalleryLineage(entry: night, parent: fox, children: [], childCount: 0, siblings: [night]))
        let frame = render(state, size: GridSize(columns: 100, rows: 30)) { _, slot in .pixels(slot.rect) }
        #expect(frame.pixels.map(\.path) == ["/g/night.png", "/g/fox.png"])
        #expect(frame.pixels.last?.slot.rect.height == GalleryDetailView.sourceThumbnail.rows)
    }

    @Test func theComparisonShowsBothSideBySideWhereTheyFitAndOneWithALabelWhereNot() {
        let lineage = GalleryLineage(entry: night, parent: fox, children: [], childCount: 0, siblings: [night])
        let comparing = gallery(night, lineage: lineage, keys: [.character("b")])
        let wide = render(comparing, size: GridSize(columns: 100, rows: 30)) { _, slot in .pixels(slot.rect) }
        #expect(wide.text.contains("before: A red fox in snow") && wide.text.contains("after: make it night"), "\(wide.text)")
        #expect(wide.pixels.map(\.path) == ["/g/fox.png", "/g/night.png"])
        let halves = wide.pixels.map(\.slot.rect)
        #expect(halves.count == 2 && halves[0].right < halves[1].column, "side by side")
        #expect(wide.text.contains("Esc back"))

        let narrow = GridSize(columns: 64, rows: 24)
        let after = render(comparing, size: narrow) { _, _ in .loading }
        #expect(after.text.contains("after (Space: before): make it night"), "\(after.text)")
        #expect(!after.text.contains("A red fox"))
        var toggled = comparing
        _ = toggled.update(.key(.character(" ")), environment: environment)
        let red = RGB(200, 0, 0)
        let before = render(toggled, size: narrow) { item, slot in
            #expect(item.id == "fox")
            return .ready(Array(repeating: Array(repeating: HalfBlockCell(top: red, bottom: red), count: 8), count: 4))
        }
        #expect(before.text.contains("before (Space: after): A red fox in snow"))
        #expect(before.text.contains("▀▀▀▀▀▀▀▀"), "half blocks are drawn in place")
    }

    @Test func editModeFromTheGalleryShowsTheSourcesPromptUnderAnEmptyInstruction() {
        var state = gallery(fox, lineage: nil, keys: [.character("e")])
        _ = state.update(.layout(promptWidth: 78, promptHeight: 4), environment: environment)
        let frame = render(state, size: GridSize(columns: 80, rows: 24)) { _, _ in .loading }
        let rows = frame.grid.rows()
        #expect(rows.contains { $0.contains("─ source: A red fox in snow, 雪の中の赤い狐 🦊, watercolor ─") }, "\(frame.text)")
        #expect(frame.text.contains("Describe the change to make."))
        for char in "make it night" { _ = state.update(.key(.character(char)), environment: environment) }
        let typed = render(state, size: GridSize(columns: 80, rows: 24)) { _, _ in .loading }.grid.rows()
        #expect(typed.contains { $0.hasPrefix("│make it night ") })
    }
}
