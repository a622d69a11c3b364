import Foundation
import PixapiKit

extension AppState {
    /// How many gallery items a page loads.
    public static let galleryPageSize = 200

    /// The one place state changes: folds an action in and returns the effects to run.
    public mutating func update(_ action: Action, environment: AppEnvironment, now: Date = Date()) -> [Effect] {
        switch action {
        case let .key(key):
            return handleKey(key, environment: environment, now: now)
        case let .layout(width, height):
            input.setViewport(layoutWidth: max(1, width - 1), height: max(1, height))
            return []
        case let .jobEvent(id, event):
            applyJobEvent(id, event, now: now)
            // A new image should appear in the gallery the user is looking at.
            if screen == .gallery, case .saved = event { return [.loadGallery(filter: gallery.filter, limit: Self.galleryPageSize)] }
            return []
        case let .galleryLoaded(items, total, filter):
            let keep = gallery.selectedItem?.id
            gallery.items = items
            gallery.total = total
            gallery.filter = filter
            gallery.isLoading = false
            gallery.selected = keep.flatMap { id in items.firstIndex { $0.id == id } } ?? 0
            if items.isEmpty { gallery.isViewing = false }
            return []
        case let .galleryFailed(text):
            gallery.isLoading = false
            fail("gallery: \(text)")
            return []
        case let .trashed(item):
            gallery.trash.append(item)
            note("deleted \(URL(fileURLWithPath: item.path).lastPathComponent) — press u to undo")
            return [.loadGallery(filter: gallery.filter, limit: Self.galleryPageSize)]
        case let .restored(item):
            gallery.trash.removeAll { $0.id == item.id }
            note("restored \(URL(fileURLWithPath: item.path).lastPathComponent)")
            return [.loadGallery(filter: gallery.filter, limit: Self.galleryPageSize)]
        case let .resume(plan):
            return resume(plan, environment: environment)
        case .demoStarted:
            isDemo = true
            overlay = nil
            note("demo: requests go to the offline simulator; no credits are spent")
            return []
        case let .effectFailed(text):
            fail(text)
            return []
        case let .log(line):
            appendLog(line)
            return []
        }
    }

    private mutating func handleKey(_ key: InputKey, environment: AppEnvironment, now: Date) -> [Effect] {
        if key == .ctrl("c") { return interrupt() }
        interruptPending = false
        if message?.kind == .note { message = nil }
        if let overlay { return handleOverlayKey(key, overlay, environment: environment, now: now) }
        if key == .function(1) || (key == .character("?") && !isTypingText) {
            overlay = .help
            return []
        }
        if key == .ctrl("l") {
            overlay = .log
            return []
        }
        switch screen {
        case .compose: return handleComposeKey(key, environment: environment, now: now)
        case .gallery: return handleGalleryKey(key, environment: environment)
        }
    }

    /// Whether printable keys currently go into a text field rather than acting as commands.
    public var isTypingText: Bool {
        switch screen {
        case .gallery: return gallery.filterDraft != nil
        case .compose:
            switch focus {
            case .prompt, .sources: return true
            case .picker(.size): if case .custom = settings.size { return true } else { return false }
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
            pendingSubmit = nil
        } else if input.search != nil {
            input.apply(.cancel, layoutWidth: input.editor.layoutWidth)
        }
        note("press Ctrl+C again to quit")
        return []
    }

    mutating func requestQuit() -> [Effect] {
        interruptPending = false
        if runningJobs > 0 {
            overlay = .confirm(.quit(runningJobs: runningJobs))
            return []
        }
        isQuitting = true
        return [.quit]
    }

    private mutating func handleOverlayKey(_ key: InputKey, _ overlay: Overlay, environment: AppEnvironment, now: Date) -> [Effect] {
        switch overlay {
        case .help, .log:
            if [.escape, .enter, .character("q"), .function(1), .character("?")].contains(key) || key == .ctrl("l") { self.overlay = nil }
            return []
        case .firstRun:
            switch key {
            case .character("d"), .character("D"), .enter: return [.startDemo]
            case .character("q"), .character("Q"): isQuitting = true; return [.quit]
            case .escape: self.overlay = nil; return []
            default: return []
            }
        case let .confirm(question):
            let yes = key == .character("y") || key == .character("Y")
            let no = key == .character("n") || key == .character("N") || key == .escape
            guard yes || no else { return [] }
            self.overlay = nil
            switch question {
            case .quit:
                if yes { isQuitting = true; return [.quit] }
                return []
            case .spend:
                let request = pendingSubmit
                pendingSubmit = nil
                guard yes, let request else { note("not sent"); return [] }
                return start(request, environment: environment, now: now)
            case let .retryKept(id, _, _):
                guard yes, let job = jobs.first(where: { $0.id == id }) else { note("not sent; the job stays in the journal (`pixterm tasks`)"); return [] }
                return retry(job, now: now)
            }
        }
    }
}
