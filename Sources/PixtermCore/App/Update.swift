import Foundation
import PixapiKit

extension AppState {
    /// How many gallery items a page loads.
    public static let galleryPageSize = 200

    /// The one place state changes: folds an action in and returns the effects to run. Pure:
    /// the time and new ids come from `environment`.
    public mutating func update(_ action: Action, environment: AppEnvironment) -> [Effect] {
        let newDay = forgetSpendOnNewDay(before: action, environment: environment)
        let effects = reduce(action, environment: environment)
        return newDay + effects + followLineage(after: action) + refreshSpend(after: action, environment: environment)
    }

    private mutating func reduce(_ action: Action, environment: AppEnvironment) -> [Effect] {
        switch action {
        case let .key(key):
            return handleKey(key, environment: environment)
        case let .mouse(input):
            return handleMouse(input, environment: environment)
        case let .layout(width, height):
            compose.input.setViewport(layoutWidth: max(1, width - 1), height: max(1, height))
            return []
        case let .helpLayout(rows):
            // At the top no page can run past the end, so the help's text (slow to build) is
            // counted only when it is scrolled: not for the first frame.
            helpScroll.resize(visibleRows: rows, lineCount: helpScroll.top > 0 ? helpLineCount : 0)
            return []
        case let .jobEvent(id, event):
            applyJobEvent(id, event, now: environment.now())
            // A new image should appear in the gallery the user is looking at.
            if screen == .gallery, case .saved = event { return [reloadGallery()] }
            return []
        case let .galleryLoaded(items, total, query, offset):
            return galleryLoaded(items, total: total, query: query, offset: offset)
        case let .galleryGridLayout(columns, rows):
            gallery.grid.resize(columns: columns, rows: rows, selected: gallery.selected)
            return []
        case let .galleryFailed(text):
            gallery.isLoading = false
            gallery.requestedOffset = nil
            fail("gallery: \(text)")
            return []
        case let .trashed(item):
            gallery.trash.append(item)
            note("deleted \(item.url.lastPathComponent) — press u to undo")
            return [reloadGallery()]
        case let .restored(item):
            gallery.trash.removeAll { $0.id == item.id }
            note("restored \(item.url.lastPathComponent)")
            return [reloadGallery()]
        case let .trashedAll(items): return trashedTogether(items)
        case let .restoredAll(items): return restoredTogether(items)
        case let .lineageLoaded(answer):
            lineageLoaded(answer)
            return []
        case let .galleryLocated(location): return galleryLocated(location)
        case let .sheetLoaded(found):
            sheetLoaded(found)
            return []
        case let .resume(plan):
            return resume(plan, environment: environment)
        case .demoStarted:
            isDemo = true
            overlay = nil
            note("demo: requests go to the offline simulator; no credits are spent")
            return []
        case let .spendLoaded(totals, day):
            spend = SpendSnapshot(totals: totals, day: day)
            return []
        case .tick:
            return []
        case let .effectFailed(text):
            fail(text)
            return []
        case let .log(line):
            appendLog(line)
            return []
        }
    }

    /// Ctrl+C first, then an overlay takes every key, then the global keys, then the screen's
    /// tables (see `keyContext`).
    private mutating func handleKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        let global = KeyMaps.global(typingText: isTypingText).command(for: key)
        if global == .interrupt { return interrupt() }
        interruptPending = false
        if message?.kind == .note { message = nil }
        if let overlay { return handleOverlayKey(key, overlay, environment: environment) }
        if let global { return perform(global) }
        switch keyContext {
        case .prompt, .picker, .sources, .jobs: return handleComposeKey(key, environment: environment)
        case .galleryList, .galleryGrid: return handleGalleryListKey(key, environment: environment)
        case .compare: return handleCompareKey(key)
        case .galleryFilter: return handleFilterKey(key)
        case .galleryFilterBar: return handleFilterBarKey(key, environment: environment)
        case .fullScreen: return handleFullScreenKey(key)
        case let .sheet(viewing): return viewing ? handleSheetViewKey(key) : handleSheetKey(key, environment: environment)
        }
    }

    private mutating func perform(_ command: GlobalCommand) -> [Effect] {
        switch command {
        case .interrupt: return interrupt()
        case .help:
            overlay = .help
            helpScroll.reset()
        case .log: overlay = .log
        }
        return []
    }

    /// Whether printable keys currently go into a text field rather than acting as commands.
    public var isTypingText: Bool {
        if sheet != nil { return false }
        switch screen {
        case .gallery: return gallery.filterDraft != nil || gallery.filterBar != nil
        case .compose:
            switch compose.focus {
            case .prompt, .sources: return true
            case .picker(.size): if case .custom = compose.settings.size { return true } else { return false }
            default: return false
            }
        }
    }

    /// Ctrl+C: first closes or cancels what is in front; a second one in a row quits.
    private mutating func interrupt() -> [Effect] {
        if interruptPending { return requestQuit() }
        interruptPending = true
        if overlay != nil, overlay != .firstRun {
            overlay = nil
            compose.pendingSubmit = nil
        } else if compose.input.search != nil {
            compose.input.apply(.cancel, layoutWidth: compose.input.editor.layoutWidth)
        }
        note("press Ctrl+C again to quit")
        return []
    }

    /// Quits at once, or asks first while paid work is in flight. Quitting is only the `.quit`
    /// effect: the runtime stops when it performs it.
    mutating func requestQuit() -> [Effect] {
        interruptPending = false
        if runningJobs > 0 {
            overlay = .confirm(.quit(runningJobs: runningJobs))
            return []
        }
        return [.quit]
    }
}
