import Foundation
import Gallery

extension AppState {
    /// After every action: on the gallery, asks for the selected image's lineage when the
    /// selection moved to another image, or when a page arrived (an edit may have been saved or
    /// deleted since). The last answer stays on screen until the new one comes.
    mutating func followLineage(after action: Action) -> [Effect] {
        guard screen == .gallery, let item = gallery.selectedItem else { return [] }
        var pageArrived = false
        if case .galleryLoaded = action { pageArrived = true }
        guard pageArrived || item.id != lineage.requestedID else { return [] }
        lineage.requestedID = item.id
        return [.loadLineage(item)]
    }

    /// An answer counts only if it is about the image whose lineage was asked for last.
    mutating func lineageLoaded(_ answer: GalleryLineage) {
        guard answer.entry.id == lineage.requestedID else { return }
        lineage.loaded = answer
    }

    /// `p`, `[`, `]` and `b` in the gallery's list and grid.
    mutating func handleLineageCommand(_ command: GalleryListCommand) -> [Effect] {
        guard let item = gallery.selectedItem else { return [] }
        guard let family = lineage.lineage(of: item) else {
            note("still looking up this image's source and edits; try again in a moment")
            return []
        }
        switch command {
        case .parent:
            guard let parent = family.parent else {
                note(Self.noParent(item))
                return []
            }
            return focus(parent, note: "the image this one was edited from")
        case .nextEdit, .previousEdit:
            return stepEdits(family, forward: command == .nextEdit)
        case .compare:
            guard let parent = family.parent else {
                note(Self.noParent(item) + "; b compares an edit with its source")
                return []
            }
            lineage.comparison = Comparison(before: parent, after: item)
        default:
            break
        }
        return []
    }

    /// `]` and `[`: on an image with edits, to its newest (`]`) or oldest (`[`) edit; on an edit
    /// without edits of its own, to the next older (`]`) or newer (`[`) edit of the same source.
    private mutating func stepEdits(_ family: GalleryLineage, forward: Bool) -> [Effect] {
        if let target = forward ? family.children.first : family.children.last {
            let place = forward ? 1 : family.children.count
            return focus(target, note: "edit \(place) of \(family.childCount) made from this image")
        }
        guard family.parent != nil, let index = family.siblings.firstIndex(where: { $0.id == family.entry.id }) else {
            note("this image has no edits and is not an edit (e starts one)")
            return []
        }
        let next = index + (forward ? 1 : -1)
        guard family.siblings.indices.contains(next) else {
            note(forward ? "no older edit of the same source (p goes to it)" : "no newer edit of the same source (p goes to it)")
            return []
        }
        return focus(family.siblings[next], note: "edit \(next + 1) of \(family.siblings.count) of the same source")
    }

    /// Selects `target`: at once when it is on the loaded page (the page follows if it is near
    /// its edge), else once the gallery has found where it is among the images the query selects.
    private mutating func focus(_ target: GalleryEntry, note text: String) -> [Effect] {
        if let index = gallery.items.firstIndex(where: { $0.id == target.id }) {
            gallery.select(gallery.offset + index)
            note(text)
            return loadPageAroundSelection()
        }
        guard let origin = gallery.selectedItem?.id else { return [] }
        lineage.pendingFocus = PendingFocus(target: target.id, origin: origin, note: text)
        return [.locateInGallery(target, gallery.query, limit: Self.galleryPageSize)]
    }

    /// The gallery found the image `p`, `[` or `]` asked for: `index` among the images `query`
    /// selects, on the page `items` (from `offset`). `query` is the one in force, or everything
    /// when the filter hid the image. Ignored when the selection moved on meanwhile.
    mutating func galleryLocated(_ located: GalleryLocation) -> [Effect] {
        guard let pending = lineage.pendingFocus, pending.target == located.entryID, gallery.selectedItem?.id == pending.origin else { return [] }
        lineage.pendingFocus = nil
        guard let index = located.index else {
            note("that image is no longer in the gallery")
            return []
        }
        let filterCleared = located.query != gallery.query
        // The page is of this query and the selection is already where it belongs, so the page
        // arriving keeps it there.
        gallery.query = located.query
        gallery.requestedOffset = nil
        gallery.selected = index
        let effects = galleryLoaded(located.items, total: located.total, query: located.query, offset: located.offset)
        gallery.select(index)
        note(filterCleared ? pending.note + " (the filter hid it and was cleared)" : pending.note)
        return effects
    }

    /// The keys of the before/after comparison.
    mutating func handleCompareKey(_ key: InputKey) -> [Effect] {
        guard let command = KeyMaps.compare.command(for: key) else { return [] }
        switch command {
        case .toggle: lineage.comparison?.toggle()
        case .back: lineage.comparison = nil
        }
        return []
    }

    private static func noParent(_ item: GalleryEntry) -> String {
        if item.source != nil { return "the image this was edited from is no longer in the gallery" }
        if item.request?.operation == .edit { return "this edit's source is not in the gallery" }
        return "this image is not an edit"
    }
}
