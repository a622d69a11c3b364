import Foundation
import Gallery

extension AppState {
    /// `f` in the gallery: the bar opens on the filters in force.
    mutating func openFilterBar() {
        gallery.filterBar = GalleryFilterBar(query: gallery.query)
    }

    /// Keys while the filter bar is open. Changes show in the bar only; Enter loads the list they
    /// select (with the text filter in force), Esc leaves the list as it was.
    mutating func handleFilterBarKey(_ key: InputKey, environment: AppEnvironment) -> [Effect] {
        guard var bar = gallery.filterBar, let command = KeyMaps.galleryFilterBar.command(for: key) else { return [] }
        switch command {
        case .previousField: bar.moveField(by: -1)
        case .nextField: bar.moveField(by: 1)
        case .previousValue: bar.stepValue(by: -1, catalog: environment.catalog)
        case .nextValue: bar.stepValue(by: 1, catalog: environment.catalog)
        case .type:
            guard case let .character(char) = key else { return [] }
            bar.type(String(char), catalog: environment.catalog)
        case .paste:
            guard case let .paste(text) = key else { return [] }
            bar.type(text, catalog: environment.catalog)
        case .backspace: bar.backspace()
        case .clearAll: bar.clearAll()
        case .cancel:
            gallery.filterBar = nil
            return []
        case .apply:
            do {
                let query = try bar.query(text: gallery.filter, now: environment.now())
                gallery.filterBar = nil
                gallery.selected = 0
                if let refusal = bar.refusal, message?.text == refusal { message = nil }
                return [loadGallery(query)]
            } catch {
                bar.field = error.field
                bar.refusal = error.message
                gallery.filterBar = bar
                fail(error.message)
                return []
            }
        }
        gallery.filterBar = bar
        return []
    }
}
