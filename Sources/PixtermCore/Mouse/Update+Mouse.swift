import Foundation
import PixapiKit

extension AppState {
    /// Text rows one wheel notch scrolls (the prompt, the help); lists move one item.
    static let wheelTextRows = 3

    /// A click or wheel notch. An open overlay takes them all: the wheel scrolls the help, and
    /// nothing else happens, so a click can never answer a question (a spend, a quit).
    mutating func handleMouse(_ input: MouseInput, environment: AppEnvironment) -> [Effect] {
        interruptPending = false
        if message?.kind == .note { message = nil }
        let delta = input.gesture == .wheelUp ? -1 : 1
        if let overlay {
            if overlay == .help, input.gesture != .click {
                helpScroll.scroll(by: delta * Self.wheelTextRows, lineCount: helpLineCount)
            }
            return []
        }
        switch input.gesture {
        case .click:
            guard let hit = input.hits.first else { lastClick = nil; return [] }
            return click(hit, double: isDoubleClick(on: hit.target, at: environment.now()), environment: environment)
        case .wheelUp, .wheelDown:
            for hit in input.hits {
                if let effects = wheel(hit.target, by: delta, catalog: environment.catalog) { return effects }
            }
            return []
        }
    }

    /// Records the click; true when it is the second on `target` within the interval (a third
    /// starts over).
    private mutating func isDoubleClick(on target: MouseTarget, at time: Date) -> Bool {
        if let last = lastClick, last.target == target, time.timeIntervalSince(last.time) <= LastClick.doubleClickInterval,
            time >= last.time
        {
            lastClick = nil
            return true
        }
        lastClick = LastClick(target: target, time: time)
        return false
    }

    /// A moved gallery selection may need the page around it (see `loadPageAroundSelection`).
    private mutating func click(_ hit: MouseHit, double: Bool, environment: AppEnvironment) -> [Effect] {
        switch (screen, hit.target) {
        case let (_, .sheetImage(index)): clickSheetImage(index, double: double)
        case (_, .sheetImages) where sheet?.isViewing == true: if double { sheet?.view(false) }
        case (.compose, .promptText):
            compose.focus = .prompt
            let editor = compose.input.editor
            compose.input.apply(.moveTo(VisualPoint(row: editor.scrollTop + hit.row, column: hit.column)), layoutWidth: editor.layoutWidth)
        case let (.compose, .pickerLabel(field)):
            compose.focus = .picker(field)
        case let (.compose, .pickerValue(field)):
            // The first click focuses, which shows the value between ◂ and ▸; then a click on
            // its left half steps back, on its right half on. A size being typed stays as typed.
            if compose.focus == .picker(field), !isTypingText {
                compose.settings.step(field, by: hit.column * 2 < hit.width ? -1 : 1, in: environment.catalog)
            }
            compose.focus = .picker(field)
        case (.compose, .sources) where compose.operation == .edit:
            compose.focus = .sources
        case let (.compose, .job(index)) where jobs.indices.contains(index):
            compose.focus = .jobs
            selectedJob = index
        case let (.gallery, .galleryItem(index)) where !gallery.isViewing && (0..<gallery.total).contains(index):
            gallery.select(index)
            if double { gallery.isViewing = gallery.selectedItem != nil }
            return loadPageAroundSelection()
        case (.gallery, .fullScreenImage) where gallery.isViewing:
            if double { gallery.isViewing = false }
        case let (.gallery, .filterField(field)) where gallery.filterBar != nil:
            gallery.filterBar?.field = field
        case (.gallery, .comparison) where lineage.comparison != nil:
            lineage.comparison?.toggle()
        default:
            break
        }
        return []
    }

    /// Scrolls what `target` is by `delta` notches; nil when the wheel means nothing there, so
    /// the target beneath gets it.
    private mutating func wheel(_ target: MouseTarget, by delta: Int, catalog: ModelCatalog) -> [Effect]? {
        switch (screen, target) {
        case (_, .sheetImages) where sheet != nil: sheet?.move(by: delta)
        case (.compose, .promptText):
            compose.input.apply(.scroll(rows: delta * Self.wheelTextRows), layoutWidth: compose.input.editor.layoutWidth)
        case (.compose, .jobsList) where !jobs.isEmpty:
            compose.focus = .jobs
            selectedJob = min(max(0, selectedJob + delta), jobs.count - 1)
        case let (.gallery, .galleryItems(step)) where !gallery.isViewing:
            gallery.move(by: delta * max(1, step))
            return loadPageAroundSelection()
        case (.gallery, .fullScreenImage) where gallery.isViewing:
            gallery.move(by: delta)
            return loadPageAroundSelection()
        case let (.gallery, .filterField(field)) where gallery.filterBar != nil:
            gallery.filterBar?.field = field
            gallery.filterBar?.stepValue(by: delta, catalog: catalog)
        case (.gallery, .comparison) where lineage.comparison != nil:
            lineage.comparison?.toggle()
        default:
            return nil
        }
        return []
    }
}
