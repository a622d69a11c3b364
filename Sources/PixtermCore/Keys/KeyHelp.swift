/// One titled group of the help overlay: the help lines of one key table, each once.
public struct HelpSection: Hashable, Sendable {
    public let title: String
    public let hints: [KeyHint]

    init<Command>(_ title: String, _ map: KeyMap<Command>) {
        self.title = title
        hints = KeyGuide.combined([map.guide]).help
    }

    /// A heading line, then a line per hint (as `HelpText` draws it).
    public var lineCount: Int { 1 + hints.count }
}

extension AppState {
    /// What the help overlay lists: every key table of the screen beneath it, so every key can
    /// be learned from any part of the screen. The focused part's keys come first (then, on the
    /// compose screen, the keys that work in all its parts), then the other parts in screen
    /// order, the keys that work everywhere, and the help's own scroll keys. A table with a
    /// variant is listed in its fullest form.
    public var helpSections: [HelpSection] {
        let parts: [KeyContext]
        var screenWide: [HelpSection] = []
        switch screen {
        case .compose:
            parts = [.prompt(searching: false), .picker(typingSize: false), .sources, .jobs]
            screenWide = [HelpSection("Anywhere on this screen", KeyMaps.compose(searching: false))]
        case .gallery:
            parts = [gallery.viewMode == .grid ? .galleryGrid : .galleryList, .galleryFilter, .galleryFilterBar, .fullScreen, .compare]
        }
        let focused = Self.helpSection(for: keyContext)
        let others = parts.map(Self.helpSection).filter { $0.title != focused.title }
        // A sheet is in front of the screen: its keys come before those of the screen beneath.
        let sheetParts: [KeyContext] = sheet == nil ? [] : [.sheet(viewing: false), .sheet(viewing: true)]
        let inFront = sheetParts.map(Self.helpSection).filter { $0.title != focused.title }
        let everywhere = [HelpSection("Everywhere", KeyMaps.global(typingText: false)), HelpSection("This help", KeyMaps.help)]
        return [focused] + inFront + screenWide + others + everywhere
    }

    /// Lines of the whole help, the bound of its scrolling.
    public var helpLineCount: Int { helpSections.reduce(0) { $0 + $1.lineCount } }

    private static func helpSection(for context: KeyContext) -> HelpSection {
        switch context {
        case .prompt: HelpSection("Prompt", KeyMaps.prompt)
        case .picker: HelpSection("Settings", KeyMaps.picker(typingSize: false))
        case .sources: HelpSection("Sources (edit mode)", KeyMaps.sources)
        case .jobs: HelpSection("Jobs", KeyMaps.jobs)
        case .galleryList: HelpSection("Image list", KeyMaps.galleryList)
        case .galleryGrid: HelpSection("Thumbnail grid", KeyMaps.galleryGrid)
        case .galleryFilter: HelpSection("Filter (after /)", KeyMaps.galleryFilter)
        case .galleryFilterBar: HelpSection("Filter bar (after f)", KeyMaps.galleryFilterBar)
        case .fullScreen: HelpSection("Full-screen view", KeyMaps.fullScreen)
        case .compare: HelpSection("Before and after (b)", KeyMaps.compare)
        case .sheet(viewing: false): HelpSection("Images side by side", KeyMaps.sheet)
        case .sheet(viewing: true): HelpSection("Full-screen view (of the sheet)", KeyMaps.fullScreen)
        }
    }
}
