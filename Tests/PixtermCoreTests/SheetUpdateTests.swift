import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// The contact sheet as `update` runs it: opening from the jobs list and the gallery, moving the
/// selection, keeping one image (the others to the trash in one effect) and undoing that as one.
@Suite struct SheetUpdateTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    /// The four images of one n=4 request, `/g/owl-0.png`...
    static let owls: [GalleryEntry] = (0..<4).map { index in
        GalleryEntry.testing(
            id: "owl-\(index)", path: "/g/owl-\(index).png", prompt: "four owls", model: "gpt-image-2", size: "1024x1024", quality: "low",
            created: Date(timeIntervalSince1970: 100), credits: 4,
            request: ImageRequest(model: "gpt-image-2", prompt: "four owls", size: .pixels(width: 1024, height: 1024), quality: .low, n: 4),
            requestID: "entry-owls"
        )
    }

    /// The compose screen with the jobs list focused on a job that finished after saving `saved`.
    func jobsList(saved: [String], failing: Bool = false) -> AppState {
        var state = AppState(environment: environment, isDemo: true, hasKey: true)
        let request = ImageRequest(model: "gpt-image-2", prompt: "four owls", size: .auto, quality: .low, n: max(1, saved.count))
        var job = Job(id: UUID(), request: request, mode: .async, cost: nil, startedAt: Date(timeIntervalSince1970: 0))
        for path in saved { job.apply(.saved(path: path, total: saved.count), at: Date()) }
        job.apply(failing ? .failed(PixapiError(.taskFailed, "task task-1 failed: moderation")) : .completed, at: Date())
        state.jobs = [job]
        state.compose.focus = .jobs
        return state
    }

    /// A sheet open on the owls, opened from the jobs list.
    func sheetOfOwls() -> AppState {
        var state = jobsList(saved: Self.owls.map(\.url.path))
        _ = state.update(.key(.enter), environment: environment)
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        return state
    }

    @Test func enterOnAFinishedJobWithSeveralImagesOpensItsSheet() {
        var state = jobsList(saved: Self.owls.map(\.url.path))
        let effects = state.update(.key(.enter), environment: environment)
        #expect(effects == [.loadSheet(paths: Self.owls.map(\.url.path))])
        #expect(state.sheet?.isLoading == true)
        #expect(state.keyContext == .sheet(viewing: false))
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        #expect(state.sheet?.images.map(\.id) == Self.owls.map(\.id))
        #expect(state.sheet?.isLoading == false)
        // Esc: back to the jobs list, as it was.
        _ = state.update(.key(.escape), environment: environment)
        #expect(state.sheet == nil && state.screen == .compose && state.compose.focus == .jobs)
    }

    /// A failed job's Enter still shows its error, and a one-image job's where it was saved.
    @Test func enterOnAFailedOrOneImageJobKeepsItsOldAnswer() {
        var failed = jobsList(saved: ["/g/a.png", "/g/b.png"], failing: true)
        #expect(failed.update(.key(.enter), environment: environment).isEmpty)
        #expect(failed.sheet == nil)
        #expect(failed.message?.kind == .error && failed.message?.text.contains("moderation") == true)

        var single = jobsList(saved: ["/g/a.png"])
        #expect(single.update(.key(.enter), environment: environment).isEmpty)
        #expect(single.sheet == nil)
        #expect(single.message?.text == "/g/a.png")
    }

    /// A job that saved several images says where to see them together; one image does not.
    @Test func aFinishedJobWithSeveralImagesSaysWhereToSeeThemTogether() {
        var state = AppState(environment: environment, isDemo: true, hasKey: true)
        for count in [4, 1] {
            let request = ImageRequest(model: "gpt-image-2", prompt: "owls", size: .auto, quality: .low, n: count)
            let job = Job(id: UUID(), request: request, mode: .async, cost: nil, startedAt: Date(timeIntervalSince1970: 0))
            state.jobs = [job]
            for index in 0..<count { _ = state.update(.jobEvent(job.id, .saved(path: "/g/\(index).png", total: count)), environment: environment) }
            _ = state.update(.jobEvent(job.id, .completed), environment: environment)
            let said = state.message?.text ?? ""
            #expect(said.hasPrefix("done: \(count) image"))
            #expect(said.contains("Enter in Jobs: side by side") == (count > 1), "\(said)")
            #expect(said.count <= 78, "fits the message line at 80 columns")
        }
    }

    /// The help overlay over the sheet lists the sheet's keys first, then its full-screen view's.
    @Test func helpOverTheSheetListsItsKeys() {
        var state = sheetOfOwls()
        _ = state.update(.key(.character("?")), environment: environment)
        #expect(state.overlay == .help)
        let titles = state.helpSections.map(\.title)
        #expect(Array(titles.prefix(2)) == ["Images side by side", "Full-screen view (of the sheet)"])
        let keys = state.helpSections[0].hints.map(\.keys)
        for key in ["← → ↑ ↓ h l", "v or Enter", "r", "e", "k", "u", "Esc"] { #expect(keys.contains(key), "\(key)") }
    }

    @Test func sInTheGalleryOpensTheSelectedImagesRequest() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        _ = state.update(.key(.down), environment: environment)
        let effects = state.update(.key(.character("s")), environment: environment)
        #expect(effects == [.loadSheet(paths: ["/g/1.png"])])
        #expect(state.sheet?.images.map(\.id) == ["1"], "the image it was opened on shows while the rest load")
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        _ = state.update(.key(.escape), environment: environment)
        #expect(state.sheet == nil && state.screen == .gallery && state.gallery.selected == 1)
    }

    @Test func arrowsAndHLSelectWithinTheSheetAndVShowsTheSelectedFullScreen() {
        var state = sheetOfOwls()
        for key: InputKey in [.right, .character("l"), .right, .right] { _ = state.update(.key(key), environment: environment) }
        #expect(state.sheet?.selected == 3, "stops at the last image")
        _ = state.update(.key(.character("h")), environment: environment)
        _ = state.update(.key(.left), environment: environment)
        #expect(state.sheet?.selected == 1)
        _ = state.update(.key(.end), environment: environment)
        #expect(state.sheet?.selected == 3)
        _ = state.update(.key(.home), environment: environment)
        #expect(state.sheet?.selected == 0)
        _ = state.update(.key(.down), environment: environment)
        _ = state.update(.key(.down), environment: environment)
        _ = state.update(.key(.up), environment: environment)
        #expect(state.sheet?.selected == 1, "↑ ↓ step too (k is keep, so only the arrows)")
        _ = state.update(.key(.up), environment: environment)

        _ = state.update(.key(.character("v")), environment: environment)
        #expect(state.keyContext == .sheet(viewing: true))
        _ = state.update(.key(.right), environment: environment)
        #expect(state.sheet?.selectedImage?.id == "owl-1", "the arrows step through the sheet's images")
        _ = state.update(.key(.escape), environment: environment)
        #expect(state.keyContext == .sheet(viewing: false) && state.sheet?.selected == 1)
    }

    /// `k` keeps the selected image and sends the other three to the trash in one effect; when
    /// they are there, one `u` asks for all three back.
    @Test func keepTrashesTheOthersInOneStepAndOneUndoRestoresThemAll() {
        var state = sheetOfOwls()
        _ = state.update(.key(.right), environment: environment)
        let others = [Self.owls[0], Self.owls[2], Self.owls[3]]
        #expect(state.update(.key(.character("k")), environment: environment) == [.trashAll(others)])

        let after = state.update(.trashedAll(others), environment: environment)
        #expect(state.message?.text.contains("3 others moved to the gallery's trash") == true)
        #expect(state.message?.text.contains("press u to undo") == true)
        // The sheet asks again, the kept image first: it is the one still in the gallery.
        #expect(after.contains(.loadSheet(paths: ["/g/owl-1.png", "/g/owl-0.png", "/g/owl-2.png", "/g/owl-3.png"])))
        #expect(after.contains { if case .loadGallery = $0 { true } else { false } })
        _ = state.update(.sheetLoaded(RequestImages(entries: [Self.owls[1]], grouping: .request)), environment: environment)
        #expect(state.sheet?.images.map(\.id) == ["owl-1"])

        #expect(state.update(.key(.character("u")), environment: environment) == [.restoreAll(others)])
        let restored = state.update(.restoredAll(others), environment: environment)
        #expect(state.message?.text.contains("restored 3 images") == true)
        #expect(restored.contains(.loadSheet(paths: ["/g/owl-1.png"])))
        #expect(state.update(.key(.character("u")), environment: environment).isEmpty)
        #expect(state.message?.text == "nothing to undo")
    }

    /// The gallery's `u` undoes a keep as one too; a single delete made after it is undone first.
    @Test func theGallerysUndoRestoresAKeepAsOne() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = state.update(.key(.character("s")), environment: environment)
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        let others = Array(Self.owls.dropFirst())
        #expect(state.update(.key(.character("k")), environment: environment) == [.trashAll(others)])
        _ = state.update(.trashedAll(others), environment: environment)
        _ = state.update(.key(.escape), environment: environment)
        let single = state.gallery.selectedItem!
        #expect(state.update(.key(.character("d")), environment: environment) == [.trash(single)])
        _ = state.update(.trashed(single), environment: environment)

        #expect(state.update(.key(.character("u")), environment: environment) == [.restore(single)])
        _ = state.update(.restored(single), environment: environment)
        #expect(state.update(.key(.character("u")), environment: environment) == [.restoreAll(others)])
    }

    @Test func keepWithNothingElseLeftDeletesNothing() {
        var state = sheetOfOwls()
        _ = state.update(.sheetLoaded(RequestImages(entries: [Self.owls[2]], grouping: .request)), environment: environment)
        #expect(state.update(.key(.character("k")), environment: environment).isEmpty)
        #expect(state.message?.text.contains("only image") == true)
    }

    /// Reuse and edit take the sheet's selected image, not the gallery's, and close the sheet.
    @Test func reuseAndEditTakeTheSheetsSelectedImage() {
        var state = AppState.showingGallery(items: 2, environment: environment)
        _ = state.update(.key(.character("s")), environment: environment)
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        _ = state.update(.key(.end), environment: environment)
        _ = state.update(.key(.character("e")), environment: environment)
        #expect(state.sheet == nil && state.screen == .compose)
        #expect(state.compose.operation == .edit && state.compose.sources == ["/g/owl-3.png"])

        _ = state.update(.key(.ctrl("o")), environment: environment)
        _ = state.update(.key(.character("s")), environment: environment)
        _ = state.update(.sheetLoaded(RequestImages(entries: Self.owls, grouping: .request)), environment: environment)
        _ = state.update(.key(.character("r")), environment: environment)
        #expect(state.sheet == nil && state.screen == .compose)
        #expect(state.compose.input.editor.text == "four owls" && state.compose.settings.n == 4)
    }

    /// None of the images left in the gallery: the sheet closes and says so.
    @Test func aSheetWithNothingLeftClosesAndSaysWhy() {
        var state = jobsList(saved: Self.owls.map(\.url.path))
        _ = state.update(.key(.enter), environment: environment)
        _ = state.update(.sheetLoaded(nil), environment: environment)
        #expect(state.sheet == nil)
        #expect(state.message?.text.contains("trash") == true)
    }
}

/// The mouse on the sheet: a click selects an image, a double click shows it full screen (and
/// another goes back), the wheel steps through the images.
@Suite struct SheetMouseTests {
    let environment = AppEnvironment.testing(maxCredits: 100)

    func press(_ target: MouseTarget, _ gesture: MouseInput.Gesture = .click, on state: inout AppState) {
        let hit = MouseHit(target: target, row: 0, column: 0, width: 10, height: 10)
        _ = state.update(.mouse(MouseInput(gesture: gesture, hits: [hit])), environment: environment)
    }

    @Test func clickSelectsDoubleClickViewsAndTheWheelSteps() {
        var state = SheetUpdateTests().sheetOfOwls()
        press(.sheetImage(index: 2), on: &state)
        #expect(state.sheet?.selected == 2 && state.sheet?.isViewing == false)
        press(.sheetImage(index: 2), on: &state)
        #expect(state.sheet?.isViewing == true, "a double click shows it full screen")
        press(.sheetImages, .wheelDown, on: &state)
        #expect(state.sheet?.selectedImage?.id == "owl-3")
        press(.sheetImages, on: &state)
        press(.sheetImages, on: &state)
        #expect(state.sheet?.isViewing == false, "a double click goes back to the sheet")
        press(.sheetImages, .wheelUp, on: &state)
        #expect(state.sheet?.selected == 2)
        press(.sheetImage(index: 9), on: &state)
        #expect(state.sheet?.selected == 2, "an index the sheet does not have changes nothing")
    }
}
