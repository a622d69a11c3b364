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
        gallery.requestedOffset = nil
        return .loadGallery(query, offset: 0, limit: Self.galleryPageSize)
    }

    /// A page arrived. The selection stays on the same image when it is on the page; else, for
    /// another page of the same query (moving on, a deletion), at the same place; for a new
    /// query, on the first image. A selection still off the page asks for its page.
    mutating func galleryLoaded(_ items: [GalleryEntry], total: Int, query: GalleryQuery, offset: Int) -> [Effect] {
        let keep = gallery.selectedItem?.id
        let sameQuery = query == gallery.query
        gallery.items = items
        gallery.total = total
        gallery.query = query
        gallery.offset = offset
        gallery.isLoading = false
        // Only the newest request reports (`EffectInterpreter`): any page asked for before this
        // one is not coming, so the page around the selection is asked for again if need be.
        gallery.requestedOffset = nil
        if let index = keep.flatMap({ id in items.firstIndex { $0.id == id } }) {
            gallery.select(offset + index)
        } else {
            let previous = gallery.selected
            gallery.selected = 0
            gallery.select(sameQuery ? previous : 0)
        }
        if total == 0 { gallery.isViewing = false }
        return loadPageAroundSelection()
    }

    /// Asks for the page around the selection when it has moved off (or near the end of) the
    /// loaded one; keys never wait for it, the screen shows "…" until it comes.
    mutating func loadPageAroundSelection() -> [Effect] {
        guard let offset = gallery.pageOffsetNeeded(pageSize: Self.galleryPageSize) else { return [] }
        gallery.requestedOffset = offset
        gallery.isLoading = true
        return [.loadGallery(gallery.query, offset: offset, limit: Self.galleryPageSize)]
    }

    /// The list's and the grid's keys: the same commands, but the grid moves in two directions
    /// and pages by its screen.
    mutating func handleGalleryListKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        let map = gallery.viewMode == .grid ? KeyMaps.galleryGrid : KeyMaps.galleryList
        guard let command = map.command(for: key) else { return [] }
        switch command {
        case .back:
            if !gallery.filter.isEmpty {
                var query = gallery.query
                query.text = ""
                return [loadGallery(query)]
            }
            if gallery.query != GalleryQuery() { return [loadGallery(GalleryQuery())] }
            screen = .compose
        case .up, .down, .left, .right, .pageUp, .pageDown, .first, .last:
            if gallery.viewMode == .grid {
                if let target = gallery.grid.move(command, from: gallery.selected, total: gallery.total) { gallery.select(target) }
            } else if command == .first || command == .last {
                gallery.select(command == .first ? 0 : gallery.total - 1)
            } else {
                gallery.move(by: Self.listStep[command] ?? 0)
            }
            return loadPageAroundSelection()
        case .toggleView:
            gallery.viewMode = gallery.viewMode.toggled
            gallery.grid.reveal(gallery.selected)
            return [.saveGalleryViewMode(gallery.viewMode)]
        case .filter: gallery.filterDraft = gallery.filter
        case .filterBar: openFilterBar()
        case .view: gallery.isViewing = gallery.selectedItem != nil
        case .reuse: reuseSelected(asEdit: false, environment: environment)
        case .edit: reuseSelected(asEdit: true, environment: environment)
        case .delete:
            guard let item = gallery.selectedItem else { return [] }
            return [.trash(item)]
        case .undo: return undoLastDelete()
        case .sheet: return openSheetOfSelectedImage()
        case .parent, .previousEdit, .nextEdit, .compare: return handleLineageCommand(command)
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
        case .first: gallery.select(0)
        case .last: gallery.select(gallery.total - 1)
        case .copyPath: return copySelectedPath()
        case .open: return openSelected()
        }
        return loadPageAroundSelection()
    }

    /// How far the list's keys move the selection.
    private static let listStep: [GalleryListCommand: Int] = [.up: -1, .down: 1, .pageUp: -10, .pageDown: 10]

    private mutating func copySelectedPath() -> [Effect] { copyPath(of: gallery.selectedItem) }

    mutating func copyPath(of item: GalleryEntry?) -> [Effect] {
        guard let item else { return [] }
        note("copied the path to the clipboard")
        return [.copyToClipboard(item.url.path)]
    }

    private func openSelected() -> [Effect] { open(gallery.selectedItem) }

    func open(_ item: GalleryEntry?) -> [Effect] {
        guard let item else { return [] }
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
    /// source of an edit. Of `item` when given (the sheet's), else of the selected image.
    mutating func reuseSelected(asEdit: Bool, item chosen: GalleryEntry? = nil, environment: AppEnvironment) {
        guard let item = chosen ?? gallery.selectedItem else { return }
        if let request = item.request {
            compose.settings.selectModel(request.model, in: environment.catalog)
            if let spec = try? environment.catalog.model(compose.settings.model) {
                compose.settings.size = spec.pickerSizes.contains(request.size) ? .listed(request.size) : .custom(request.size.description)
                if spec.qualities.contains(request.quality) { compose.settings.quality = request.quality }
                compose.settings.n = min(request.n, spec.maxN)
            }
        }
        // An edit starts from an empty instruction, the source's prompt shown beside it.
        let prompt = asEdit ? "" : item.request?.prompt ?? item.prompt
        if asEdit || !prompt.isEmpty { compose.input.replaceText(prompt) }
        compose.sourceReference = asEdit ? SourceReference(path: item.url.path, prompt: item.prompt) : nil
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
