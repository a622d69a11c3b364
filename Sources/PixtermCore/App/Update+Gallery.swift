import Foundation
import PixapiKit

extension AppState {
    mutating func openGallery() -> [Effect] {
        screen = .gallery
        gallery.isLoading = true
        return [.loadGallery(filter: gallery.filter, limit: Self.galleryPageSize)]
    }

    mutating func handleGalleryKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        if let draft = gallery.filterDraft { return handleFilterKey(key, draft: draft) }
        if gallery.isViewing { return handleFullScreenKey(key) }
        switch key {
        case .escape:
            if !gallery.filter.isEmpty {
                gallery.filter = ""
                gallery.isLoading = true
                return [.loadGallery(filter: "", limit: Self.galleryPageSize)]
            }
            screen = .compose
        case .up, .character("k"): gallery.move(by: -1)
        case .down, .character("j"): gallery.move(by: 1)
        case .pageUp: gallery.move(by: -10)
        case .pageDown: gallery.move(by: 10)
        case .home, .character("g"): gallery.selected = 0
        case .end, .character("G"): gallery.move(by: gallery.items.count)
        case .character("/"): gallery.filterDraft = gallery.filter
        case .character("v"), .enter: gallery.isViewing = gallery.selectedItem != nil
        case .character("r"): reuseSelected(asEdit: false, environment: environment)
        case .character("e"): reuseSelected(asEdit: true, environment: environment)
        case .character("d"), .delete:
            guard let item = gallery.selectedItem else { return [] }
            return [.trash(item)]
        case .character("u"):
            guard let item = gallery.trash.last else { note("nothing to undo"); return [] }
            return [.restore(item)]
        case .character("c"), .character("o"): return pathKey(key)
        case .ctrl("o"), .function(2):
            screen = .compose
        case .character("q"):
            return requestQuit()
        default: break
        }
        return []
    }

    /// One image on the whole screen: arrows page through the list, Esc (or `q`, `v`, Enter)
    /// goes back to it.
    private mutating func handleFullScreenKey(_ key: InputKey) -> [Effect] {
        switch key {
        case .escape, .enter, .character("q"), .character("v"): gallery.isViewing = false
        case .up, .left, .character("k"), .character("h"): gallery.move(by: -1)
        case .down, .right, .character("j"), .character("l"), .character(" "): gallery.move(by: 1)
        case .home, .character("g"): gallery.selected = 0
        case .end, .character("G"): gallery.move(by: gallery.items.count)
        case .character("c"), .character("o"): return pathKey(key)
        default: break
        }
        return []
    }

    /// `c` copies the selected image's path, `o` opens it in the system viewer.
    private mutating func pathKey(_ key: InputKey) -> [Effect] {
        guard let item = gallery.selectedItem else { return [] }
        if key == .character("o") { return [.openInViewer(path: item.path)] }
        note("copied the path to the clipboard")
        return [.copyToClipboard(item.path)]
    }

    private mutating func handleFilterKey(_ key: InputKey, draft: String) -> [Effect] {
        switch key {
        case let .character(char): gallery.filterDraft = draft + String(char)
        case let .paste(text): gallery.filterDraft = draft + TerminalText.sanitized(text)
        case .backspace: gallery.filterDraft = String(draft.dropLast())
        case .ctrl("u"): gallery.filterDraft = ""
        case .escape:
            gallery.filterDraft = nil
            return []
        case .enter:
            gallery.filterDraft = nil
            gallery.isLoading = true
            gallery.selected = 0
            return [.loadGallery(filter: draft, limit: Self.galleryPageSize)]
        default: return []
        }
        // Filter as you type: each keystroke asks for the matching page.
        gallery.isLoading = true
        return [.loadGallery(filter: gallery.filterDraft ?? "", limit: Self.galleryPageSize)]
    }

    /// "Reuse" copies the settings and prompt into the editor; "edit" also makes the image the
    /// source of an edit.
    private mutating func reuseSelected(asEdit: Bool, environment: AppEnvironment) {
        guard let item = gallery.selectedItem else { return }
        if let request = item.request {
            settings.selectModel(request.model, in: environment.catalog)
            if let spec = try? environment.catalog.model(settings.model) {
                settings.size = spec.pickerSizes.contains(request.size) ? .listed(request.size) : .custom(request.size.description)
                if spec.qualities.contains(request.quality) { settings.quality = request.quality }
                settings.n = min(request.n, spec.maxN)
            }
            input.replaceText(request.prompt)
        } else if !item.prompt.isEmpty {
            input.replaceText(item.prompt)
        }
        if asEdit {
            operation = .edit
            sources = [item.path]
            note("edit mode: \(URL(fileURLWithPath: item.path).lastPathComponent) is the source; describe the change and press Enter")
        } else {
            operation = item.request?.operation == .edit ? .edit : .generate
            sources = item.request?.images ?? []
            note("settings and prompt copied into the editor")
        }
        screen = .compose
        focus = .prompt
    }
}
