import Foundation
import Gallery
import PixapiKit
import TestSupport
import Testing
@testable import PixtermCore

/// What a click or a wheel notch on each kind of target does to the state: pure, with the
/// test's clock deciding double clicks.
@Suite struct MouseUpdateTests {
    let clock = TestClock()
    var environment: AppEnvironment { AppEnvironment.testing(maxCredits: 10, clock: clock) }

    func composing(_ text: String = "", width: Int = 20, height: Int = 3) -> AppState {
        var state = AppState(environment: environment, isDemo: false, hasKey: true)
        _ = state.update(.layout(promptWidth: width, promptHeight: height), environment: environment)
        if !text.isEmpty { _ = state.update(.key(.paste(text)), environment: environment) }
        return state
    }

    func hit(_ target: MouseTarget, row: Int = 0, column: Int = 0, width: Int = 10, height: Int = 1) -> MouseHit {
        MouseHit(target: target, row: row, column: column, width: width, height: height)
    }

    @discardableResult
    func click(_ hits: MouseHit..., in state: inout AppState) -> [Effect] {
        state.update(.mouse(MouseInput(gesture: .click, hits: hits)), environment: environment)
    }

    func wheel(_ gesture: MouseInput.Gesture, _ hits: MouseHit..., in state: inout AppState) {
        _ = state.update(.mouse(MouseInput(gesture: gesture, hits: hits)), environment: environment)
    }

    // MARK: Compose

    /// The caret lands where the click is, measured in display columns: after "雪の" (4 columns)
    /// a click on column 5, the right half of "中", puts it before "中", never inside it.
    @Test func aClickInThePromptFocusesItAndPlacesTheCaretByDisplayWidth() {
        var state = composing("雪の中の狐 fox")
        state.compose.focus = .picker(.model)
        click(hit(.promptText, row: 0, column: 5, width: 20, height: 3), in: &state)
        #expect(state.compose.focus == .prompt)
        #expect(state.compose.input.editor.caret == TextPosition(line: 0, index: 2))
        #expect(state.compose.input.editor.caretPoint == VisualPoint(row: 0, column: 4))
        click(hit(.promptText, row: 0, column: 13, width: 20, height: 3), in: &state)
        #expect(state.compose.input.editor.caret == TextPosition(line: 0, index: 8), "before the x clicked on")
        // Below the text: the last row, on the left half of "雪": before it.
        click(hit(.promptText, row: 2, column: 1, width: 20, height: 3), in: &state)
        #expect(state.compose.input.editor.caret == TextPosition(line: 0, index: 0))
    }

    @Test func aClickInAScrolledPromptCountsFromTheFirstRowShown() {
        var state = composing((1...8).map { "line \($0)" }.joined(separator: "\n"))
        #expect(state.compose.input.editor.scrollTop == 5)
        click(hit(.promptText, row: 0, column: 2, width: 20, height: 3), in: &state)
        #expect(state.compose.input.editor.caret == TextPosition(line: 5, index: 2))
    }

    @Test func theWheelScrollsThePromptAndTakesTheCaretAlongOnlyWhenItMust() {
        var state = composing((1...8).map { "line \($0)" }.joined(separator: "\n"))
        wheel(.wheelUp, hit(.promptText), in: &state)
        #expect(state.compose.input.editor.scrollTop == 2)
        #expect(state.compose.input.editor.caret.line == 4, "the caret stays on the last row shown")
        wheel(.wheelUp, hit(.promptText), in: &state)
        #expect(state.compose.input.editor.scrollTop == 0)
        wheel(.wheelDown, hit(.promptText), in: &state)
        #expect(state.compose.input.editor.scrollTop == 3)
        #expect(state.compose.input.editor.caret.line == 3)
        #expect(state.compose.input.editor.text.hasPrefix("line 1\n"), "the wheel never recalls history")
    }

    @Test func aClickOnAPickerNameFocusesItAndOnItsValueStepsIt() {
        var state = composing()
        click(hit(.pickerLabel(.quality)), in: &state)
        #expect(state.compose.focus == .picker(.quality))
        let before = state.compose.settings.quality
        click(hit(.pickerValue(.n), column: 0, width: 1), in: &state)
        #expect(state.compose.focus == .picker(.n))
        #expect(state.compose.settings.n == 1, "the first click only focuses")
        click(hit(.pickerValue(.n), column: 4, width: 5), in: &state)
        #expect(state.compose.settings.n == 2, "the right half (▸) steps on")
        click(hit(.pickerValue(.n), column: 0, width: 5), in: &state)
        #expect(state.compose.settings.n == 1, "the left half (◂) steps back")
        #expect(state.compose.settings.quality == before)
    }

    @Test func aClickNeverStepsASizeBeingTyped() {
        var state = composing()
        state.compose.focus = .picker(.size)
        state.compose.settings.size = .custom("1000x")
        click(hit(.pickerValue(.size), column: 15, width: 16), in: &state)
        #expect(state.compose.settings.size == .custom("1000x"))
    }

    @Test func aClickOnAJobSelectsItAndTheWheelMovesTheSelection() {
        var state = composing("a fox")
        for _ in 0..<3 {
            _ = state.update(.key(.paste("a fox")), environment: environment)
            _ = state.update(.key(.enter), environment: environment)
            _ = state.update(.key(.character("y")), environment: environment)  // above the 10-credit limit
        }
        #expect(state.jobs.count == 3)
        click(hit(.job(index: 1)), hit(.jobsList, height: 3), in: &state)
        #expect(state.compose.focus == .jobs && state.selectedJob == 1)
        wheel(.wheelDown, hit(.job(index: 1)), hit(.jobsList, height: 3), in: &state)
        wheel(.wheelDown, hit(.jobsList, height: 3), in: &state)
        #expect(state.selectedJob == 2)
        wheel(.wheelUp, hit(.jobsList, height: 3), in: &state)
        #expect(state.selectedJob == 1)
        click(hit(.job(index: 7)), in: &state)
        #expect(state.selectedJob == 1, "a job that is gone is not selected")
    }

    @Test func theSourcesFieldTakesAClickOnlyInEditMode() {
        var state = composing()
        click(hit(.sources), in: &state)
        #expect(state.compose.focus == .prompt)
        state.compose.operation = .edit
        click(hit(.sources), in: &state)
        #expect(state.compose.focus == .sources)
    }

    // MARK: Gallery

    @Test func aClickSelectsAnImageAndADoubleClickOpensIt() {
        var state = AppState.showingGallery(items: 5, environment: environment)
        click(hit(.galleryItem(index: 3)), hit(.galleryItems(step: 1)), in: &state)
        #expect(state.gallery.selected == 3 && !state.gallery.isViewing)
        clock.advance(by: 0.3)
        click(hit(.galleryItem(index: 3)), hit(.galleryItems(step: 1)), in: &state)
        #expect(state.gallery.isViewing)
        #expect(state.keyContext == .fullScreen)
    }

    @Test func clicksTooFarApartOrOnTwoImagesAreNotADoubleClick() {
        var state = AppState.showingGallery(items: 5, environment: environment)
        click(hit(.galleryItem(index: 1)), in: &state)
        clock.advance(by: 0.6)
        click(hit(.galleryItem(index: 1)), in: &state)
        #expect(!state.gallery.isViewing, "0.6 s apart")
        clock.advance(by: 0.1)
        click(hit(.galleryItem(index: 2)), in: &state)
        #expect(!state.gallery.isViewing, "another image")
        #expect(state.gallery.selected == 2)
    }

    /// In the filter bar a click focuses a field, and the wheel over a field steps its choices.
    @Test func filterBarFieldsTakeClicksAndTheWheel() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        _ = state.update(.key(.character("f")), environment: environment)
        #expect(state.gallery.filterBar?.field == .model)
        click(hit(.filterField(.quality)), in: &state)
        #expect(state.gallery.filterBar?.field == .quality)
        wheel(.wheelDown, hit(.filterField(.sort)), in: &state)
        #expect(state.gallery.filterBar?.field == .sort)
        #expect(state.gallery.filterBar?.text(.sort) == "oldest")
        wheel(.wheelUp, hit(.filterField(.sort)), in: &state)
        #expect(state.gallery.filterBar?.text(.sort) == "", "back to newest")
    }

    @Test func theWheelMovesTheGallerySelectionByItsStep() {
        var state = AppState.showingGallery(items: 20, environment: environment)
        wheel(.wheelDown, hit(.galleryItem(index: 0)), hit(.galleryItems(step: 1)), in: &state)
        #expect(state.gallery.selected == 1)
        wheel(.wheelDown, hit(.galleryItems(step: 4)), in: &state)
        #expect(state.gallery.selected == 5)
        wheel(.wheelUp, hit(.galleryItems(step: 4)), in: &state)
        wheel(.wheelUp, hit(.galleryItems(step: 4)), in: &state)
        #expect(state.gallery.selected == 0)
    }

    @Test func inTheFullScreenViewTheWheelPagesAndADoubleClickGoesBack() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        _ = state.update(.key(.character("v")), environment: environment)
        wheel(.wheelDown, hit(.fullScreenImage), in: &state)
        wheel(.wheelDown, hit(.fullScreenImage), in: &state)
        #expect(state.gallery.selected == 2)
        wheel(.wheelUp, hit(.fullScreenImage), in: &state)
        #expect(state.gallery.selected == 1 && state.gallery.isViewing)
        click(hit(.fullScreenImage), in: &state)
        clock.advance(by: 0.2)
        click(hit(.fullScreenImage), in: &state)
        #expect(!state.gallery.isViewing)
    }

    /// A target from another screen (a frame drawn before a key changed the screen) does nothing.
    @Test func aTargetOfAnotherScreenDoesNothing() {
        var state = AppState.showingGallery(items: 3, environment: environment)
        state.compose.focus = .picker(.n)
        click(hit(.pickerValue(.n), column: 9), in: &state)
        #expect(state.compose.settings.n == 1)
        var composing = composing()
        click(hit(.galleryItem(index: 2)), in: &composing)
        #expect(composing.gallery.selected == 0)
    }

    // MARK: Overlays

    @Test func theWheelScrollsTheHelp() {
        var state = composing()
        _ = state.update(.helpLayout(rows: 5), environment: environment)
        _ = state.update(.key(.function(1)), environment: environment)
        wheel(.wheelDown, in: &state)
        #expect(state.helpScroll.top == 3)
        wheel(.wheelUp, in: &state)
        #expect(state.helpScroll.top == 0)
    }

    /// An open question takes every click, inside its box or out: no click ever sends a
    /// request above the credit limit, or reaches what is under the box.
    @Test func aClickNeverAnswersAConfirmation() {
        var state = composing("a fox")
        _ = state.update(.key(.enter), environment: environment)
        guard case .confirm(.spend) = state.overlay else { Issue.record("no spend question: \(String(describing: state.overlay))"); return }
        state.compose.focus = .picker(.n)
        for _ in 0..<2 {
            let effects = click(hit(.pickerValue(.n), column: 9), hit(.promptText), in: &state)
            #expect(effects.isEmpty)
            clock.advance(by: 0.1)
        }
        #expect(state.jobs.isEmpty)
        #expect(state.compose.settings.n == 1)
        guard case .confirm(.spend) = state.overlay else { Issue.record("the question closed"); return }
    }
}
