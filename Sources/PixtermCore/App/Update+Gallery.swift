import Foundation
import Gallery
import PixapiKit

extension AppState {
    mutating func openGallery() -> [Effect] {
        screen = .gallery
        gallery.isLoading = true
        return [reloadGallery()]
    }

    /// Loads the gallery's page again with the query in force (after a change to the gallery).
    func reloadGallery() -> Effect { .loadGallery(gallery.query, offset: gallery.offset, limit: Self.galleryPageSize) }

    /// Loads the first page of `query`'s images.
    mutating func loadGallery(_ query: GalleryQuery) -> Effect {
        gallery.isLoading = true
        return .loadGallery(query, offset: 0, limit: Self.galleryPageSize)
    }

    /// A page arrived: the selection stays on the same item when it is still listed.
    mutating func galleryLoaded(_ items: [GalleryEntry], total: Int, query: GalleryQuery, offset: Int) {
        let keep = gallery.selectedItem?.id
        gallery.items = items
        gallery.total = total
        gallery.query = query
        gallery.offset = offset
        gallery.isLoading = false
        gallery.selected = keep.flatMap { id in items.firstIndex { $0.id == id } } ?? 0
        if items.isEmpty { gallery.isViewing = false }
    }

    mutating func handleGalleryListKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard let command = KeyMaps.galleryList.command(for: key) else { return [] }
        switch command {
        case .back:
            if !gallery.filter.isEmpty {
                var query = gallery.query
                query.text = ""
                return [loadGallery(query)]
            }
            screen = .compose
        case .up: gallery.move(by: -1)
        case .down: gallery.move(by: 1)
        case .pageUp: gallery.move(by: -10)
        case .pageDown: gallery.move(by: 10)
        case .first: gallery.selected = 0
        case .last: gallery.move(by: gallery.items.count)
        case .filter: gallery.filterDraft = gallery.filter
        case .view: gallery.isViewing = gallery.selectedItem != nil
        case .reuse: reuseSelected(asEdit: false, environment: environment)
        case .edit: reuseSelected(asEdit: true, environment: environment)
        case .delete:
            guard let item = gallery.selectedItem else { return [] }
            return [.trash(item)]
        case .undo:
            guard let item = gallery.trash.last else { note("nothing to undo"); return [] }
            return [.restore(item)]
        case .copyPath: return copySelectedPath()
        case .open: return openSelected()
        case .compose: screen = .compose
        case .quit: return requestQuit()
        }
        return []
    }

    /// One image on the whole screen: arrows page through the list, Esc (or `q`, `v`, Enter)
    /// goes back to it.
    mutating func handleFullScreenKey(_ key: InputKey) -> [Effect] {
        guard let command = KeyMaps.fullScreen.command(for: key) else { return [] }
        switch command {
        case .back: gallery.isViewing = false
        case .previous: gallery.move(by: -1)
        case .next: gallery.move(by: 1)
        case .first: gallery.selected = 0
        case .last: gallery.move(by: gallery.items.count)
        case .copyPath: return copySelectedPath()
        case .open: return openSelected()
        }
        return []
    }

    private mutating func copySelectedPath() -> [Effect] {
        guard let item = gallery.selectedItem else { return [] }
        note("copied the path to the clipboard")
        return [.copyToClipboard(item.url.path)]
    }

    private func openSelected() -> [Effect] {
        guard let item = gallery.selectedItem else { return [] }
        return [.openInViewer(path: item.url.path)]
    }

    mutating func handleFilterKey(_ key: InputKey) -> [Effect] {
        guard let draft = gallery.filterDraft, let command = KeyMaps.galleryFilter.command(for: key) else { return [] }
        switch command {
        case .type:
            guard case let .character(char) = key else { return [] }
            gallery.filterDraft = draft + String(char)
        case .paste:
            guard case let .paste(text) = key else { return [] }
            gallery.filterDraft = draft + TerminalText.sanitized(text)
        case .backspace: gallery.filterDraft = String(draft.dropLast())
        case .clear: gallery.filterDraft = ""
        case .cancel:
            gallery.filterDraft = nil
            return []
        case .apply:
            gallery.filterDraft = nil
            gallery.selected = 0
            return [loadGallery(query(text: draft))]
        }
        // Filter as you type: each keystroke asks for the matching page.
        return [loadGallery(query(text: gallery.filterDraft ?? ""))]
    }

    /// The query in force with another text filter.
    private func query(text: String) -> GalleryQuery {
        var query = gallery.query
        query.text = text
        return query
    }

    /// "Reuse" copies the settings and prompt into the editor; "edit" also makes the image the
    /// source of an edit.
    private mutating func reuseSelected(asEdit: Bool, environment: AppEnvironment) {
        guard let item = gallery.selectedItem else { return }
        if let request = item.request {
            compose.settings.selectModel(request.model, in: environment.catalog)
            if let spec = try? environment.catalog.model(compose.settings.model) {
                compose.settings.size = spec.pickerSizes.contains(request.size) ? .listed(request.size) : .custom(request.size.description)
                if spec.qualities.contains(request.quality) { compose.settings.quality = request.quality }
                compose.settings.n = min(request.n, spec.maxN)
            }
            compose.input.replaceText(request.prompt)
        } else if !item.prompt.isEmpty {
            compose.input.replaceText(item.prompt)
        }
        if asEdit {
            compose.operation = .edit
            compose.sources = [item.url.path]
            note("edit mode: \(item.url.lastPathComponent) is the source; describe the change and press Enter")
        } else {
            compose.operation = item.request?.operation == .edit ? .edit : .generate
            compose.sources = item.request?.images ?? []
            note("settings and prompt copied into the editor")
        }
        screen = .compose
        compose.focus = .prompt
    }
}
