import Foundation
import Gallery

extension AppState {
    /// Opens the sheet of the request that made the first of `paths` still in the gallery,
    /// showing `known` until the gallery answers.
    mutating func openSheet(paths: [String], showing known: [GalleryEntry] = []) -> [Effect] {
        sheet = ContactSheet(showing: known)
        return [.loadSheet(paths: paths)]
    }

    /// `s` in the gallery: the selected image's request side by side.
    mutating func openSheetOfSelectedImage() -> [Effect] {
        guard let item = gallery.selectedItem else { return [] }
        return openSheet(paths: [item.url.path], showing: [item])
    }

    /// The gallery answered the sheet's question (nil: none of the images is in the gallery).
    mutating func sheetLoaded(_ found: RequestImages?) {
        guard sheet != nil else { return }
        guard let found, !found.entries.isEmpty else {
            sheet = nil
            note("none of these images is in the gallery any more (deleted: see the gallery's trash)")
            return
        }
        sheet?.show(found)
    }

    mutating func handleSheetKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard let shown = sheet, let command = KeyMaps.sheet.command(for: key) else { return [] }
        switch command {
        case .previous: sheet?.move(by: -1)
        case .next: sheet?.move(by: 1)
        case .first: sheet?.move(by: -shown.images.count)
        case .last: sheet?.move(by: shown.images.count)
        case .view: sheet?.view(true)
        case .reuse, .edit:
            guard let image = shown.selectedImage else { return [] }
            sheet = nil
            reuseSelected(asEdit: command == .edit, item: image, environment: environment)
        case .keep: return keep(in: shown)
        case .undo: return undoLastDelete()
        case .back: sheet = nil
        case .quit: return requestQuit()
        }
        return []
    }

    /// The selected image on the whole screen, the arrows stepping through the sheet's images.
    mutating func handleSheetViewKey(_ key: InputKey) -> [Effect] {
        guard let shown = sheet, let command = KeyMaps.fullScreen.command(for: key) else { return [] }
        switch command {
        case .back: sheet?.view(false)
        case .previous: sheet?.move(by: -1)
        case .next: sheet?.move(by: 1)
        case .first: sheet?.move(by: -shown.images.count)
        case .last: sheet?.move(by: shown.images.count)
        case .copyPath: return copyPath(of: shown.selectedImage)
        case .open: return open(shown.selectedImage)
        }
        return []
    }

    /// A click on one of the sheet's images selects it; a second one opens it full screen.
    mutating func clickSheetImage(_ index: Int, double: Bool) {
        guard sheet?.images.indices.contains(index) == true else { return }
        sheet?.selected = index
        if double { sheet?.view(true) }
    }

    /// `k`: the selected image stays, the request's others go to the trash in one step, and one
    /// `u` brings them all back.
    private mutating func keep(in sheet: ContactSheet) -> [Effect] {
        guard let kept = sheet.selectedImage else { return [] }
        let others = sheet.images.filter { $0.id != kept.id }
        guard !others.isEmpty else {
            note("this is the only image of its request in the gallery: nothing else to delete")
            return []
        }
        return [.trashAll(others)]
    }

    /// Images deleted together (a sheet's keep) arrived in the trash: undone as one.
    mutating func trashedTogether(_ items: [GalleryEntry]) -> [Effect] {
        guard !items.isEmpty else { return [] }
        gallery.trash.append(contentsOf: items)
        trashBatches.append(items)
        let count = items.count == 1 ? "1 other" : "\(items.count) others"
        note("kept this image; \(count) moved to the gallery's trash — press u to undo")
        return [reloadGallery()] + reloadSheet()
    }

    /// Images deleted together came back from the trash.
    mutating func restoredTogether(_ items: [GalleryEntry]) -> [Effect] {
        let ids = Set(items.map(\.id))
        gallery.trash.removeAll { ids.contains($0.id) }
        trashBatches = trashBatches.map { $0.filter { !ids.contains($0.id) } }.filter { !$0.isEmpty }
        note("restored \(items.count == 1 ? "1 image" : "\(items.count) images") from the gallery's trash")
        return [reloadGallery()] + reloadSheet()
    }

    /// `u` in the gallery or the sheet: puts back the last delete; the images a keep deleted
    /// together come back together.
    mutating func undoLastDelete() -> [Effect] {
        guard let last = gallery.trash.last else { note("nothing to undo"); return [] }
        if let batch = trashBatches.last, batch.contains(where: { $0.id == last.id }) { return [.restoreAll(batch)] }
        return [.restore(last)]
    }

    /// Asks for the open sheet's request again, after its images changed.
    private func reloadSheet() -> [Effect] {
        guard let sheet else { return [] }
        return [.loadSheet(paths: sheet.paths)]
    }
}
