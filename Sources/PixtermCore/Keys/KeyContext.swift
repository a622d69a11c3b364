/// Which key tables are in force beneath any overlay: one place decides, for `update`'s
/// dispatch and for the footer and help overlay alike.
public enum KeyContext: Hashable, Sendable {
    case prompt(searching: Bool)
    case picker(typingSize: Bool)
    case sources, jobs
    case galleryList, galleryGrid, galleryFilter, galleryFilterBar, fullScreen
    /// A request's images side by side, or one of them full screen.
    case sheet(viewing: Bool)
    /// An edit and its source side by side.
    case compare
}

extension AppState {
    public var keyContext: KeyContext {
        if let sheet { return .sheet(viewing: sheet.isViewing) }
        switch screen {
        case .gallery:
            if gallery.filterDraft != nil { return .galleryFilter }
            if gallery.filterBar != nil { return .galleryFilterBar }
            if lineage.comparison != nil { return .compare }
            if gallery.isViewing { return .fullScreen }
            return gallery.viewMode == .grid ? .galleryGrid : .galleryList
        case .compose:
            switch compose.focus {
            case .prompt: return .prompt(searching: compose.input.search != nil)
            case .picker: return .picker(typingSize: isTypingText)
            case .sources: return .sources
            case .jobs: return .jobs
            }
        }
    }

    /// The footer and help lines of the keys that work now: an overlay's own keys, else the
    /// focused table, then the screen's, then the global ones.
    public var keyGuide: KeyGuide {
        if let overlay { return KeyMaps.guide(for: overlay) }
        return screenKeyGuide
    }

    /// The keys in force on the screen beneath any overlay (its footer); the help overlay lists
    /// all the screen's tables instead (`helpSections`).
    public var screenKeyGuide: KeyGuide { .combined(screenGuides) }

    /// `keyGuide.footer` without gathering the help lines, which the footer drawn on every
    /// frame does not need.
    public var footerHints: [KeyHint] {
        if let overlay { return KeyMaps.guide(for: overlay).footer }
        return screenGuides.flatMap(\.footer)
    }

    /// The screen's tables, innermost first.
    private var screenGuides: [KeyGuide] {
        let global = KeyMaps.global(typingText: isTypingText).guide
        switch keyContext {
        case let .prompt(searching): return [KeyMaps.prompt.guide, KeyMaps.compose(searching: searching).guide, global]
        case let .picker(typingSize): return [KeyMaps.picker(typingSize: typingSize).guide, KeyMaps.compose(searching: false).guide, global]
        case .sources: return [KeyMaps.sources.guide, KeyMaps.compose(searching: false).guide, global]
        case .jobs: return [KeyMaps.jobs.guide, KeyMaps.compose(searching: false).guide, global]
        case .galleryList: return [KeyMaps.galleryList.guide, global]
        case .galleryGrid: return [KeyMaps.galleryGrid.guide, global]
        case .galleryFilter: return [KeyMaps.galleryFilter.guide, global]
        case .galleryFilterBar: return [KeyMaps.galleryFilterBar.guide, global]
        case .fullScreen: return [KeyMaps.fullScreen.guide, global]
        case .compare: return [KeyMaps.compare.guide, global]
        case let .sheet(viewing): return [viewing ? KeyMaps.fullScreen.guide : KeyMaps.sheet.guide, global]
        }
    }
}
