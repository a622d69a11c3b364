/// The gallery's list of images, and its grid of thumbnails (which adds left and right).
public enum GalleryListCommand: KeyCommand {
    case back, up, down, left, right, pageUp, pageDown, first, last
    case filter, filterBar, view, toggleView, reuse, edit, delete, undo, copyPath, open, compose, quit
    /// The images of the selected image's request side by side.
    case sheet
    /// The edit lineage: the image the selected one was edited from, its edits, and the two
    /// side by side.
    case parent, previousEdit, nextEdit, compare
}

/// Typing a gallery filter after `/`.
public enum GalleryFilterCommand: KeyCommand {
    case type, paste, backspace, clear, cancel, apply
}

/// One image on the whole screen.
public enum FullScreenCommand: KeyCommand {
    case back, previous, next, first, last, copyPath, open
}

extension KeyMaps {
    private static let copyPath = KeyHint("c", "copy the path (OSC 52, works over SSH and tmux)")
    private static let open = KeyHint("o", "open in the system viewer")

    public static let galleryList: KeyMap<GalleryListCommand> = {
        let select = KeyHint("↑ ↓ j k", "select")
        let faster = KeyHint("PgUp PgDn Home End G", "move faster")
        return KeyMap([
            KeyBinding([.up, .character("k")], .up, help: select, footer: KeyHint("↑↓", "select")),
            KeyBinding([.down, .character("j")], .down, help: select),
            KeyBinding([.pageUp], .pageUp, help: faster),
            KeyBinding([.pageDown], .pageDown, help: faster),
            KeyBinding([.home], .first, help: faster),
            KeyBinding([.end, .character("G")], .last, help: faster),
            KeyBinding([.character("v"), .enter], .view, help: KeyHint("v or Enter", "view the image full screen (Esc goes back)"), footer: KeyHint("v", "view")),
            KeyBinding([.character("g")], .toggleView, help: toggleView, footer: KeyHint("g", "grid")),
            KeyBinding([.character("/")], .filter, help: KeyHint("/", "filter by prompt text"), footer: KeyHint("/", "filter")),
            KeyBinding([.character("f")], .filterBar, help: KeyHint("f", "filter by model, size, quality, date, cost; sort"), footer: KeyHint("f", "filters")),
            KeyBinding([.character("r")], .reuse, help: KeyHint("r", "reuse prompt and settings in the editor"), footer: KeyHint("r", "reuse")),
            KeyBinding([.character("e")], .edit, help: KeyHint("e", "edit from this image"), footer: KeyHint("e", "edit")),
            KeyBinding([.character("d"), .delete], .delete, help: KeyHint("d or Delete", "delete (to the gallery's trash)"), footer: KeyHint("d", "delete")),
            KeyBinding([.character("u")], .undo, help: KeyHint("u", "undo the last delete")),
            KeyBinding([.character("p")], .parent, help: KeyHint("p", "go to the image this one was edited from")),
            KeyBinding([.character("]")], .nextEdit, help: KeyHint("]", "its newest edit, or the next older of its source")),
            KeyBinding([.character("[")], .previousEdit, help: KeyHint("[", "its oldest edit, or the next newer of its source")),
            KeyBinding([.character("b")], .compare, help: KeyHint("b", "before and after: this edit beside its source")),
            KeyBinding([.character("s")], .sheet, help: KeyHint("s", "this image's request: all its images side by side")),
            KeyBinding([.escape], .back, help: KeyHint("Esc", "clear filters (text first), else back to compose"), footer: KeyHint("Esc", "back")),
            KeyBinding([.character("c")], .copyPath, help: copyPath, footer: KeyHint("c", "copy path")),
            KeyBinding([.character("o")], .open, help: open),
            KeyBinding([.ctrl("o"), .function(2)], .compose, help: KeyHint("Ctrl+O or F2", "back to compose")),
            KeyBinding([.character("q")], .quit, help: KeyHint("q", "quit")),
        ])
    }()

    private static let toggleView = KeyHint("g", "switch list / thumbnail grid (remembered)")

    /// The grid of thumbnails: the list's keys, with arrows and `h j k l` moving in two
    /// directions and pages a screen of rows.
    public static let galleryGrid: KeyMap<GalleryListCommand> = {
        let move = KeyHint("← → ↑ ↓ h l k j", "move by a thumbnail, up and down by a row")
        let faster = KeyHint("PgUp PgDn Home End G", "a screen of rows up or down, first, last")
        let own: [KeyBinding<GalleryListCommand>] = [
            KeyBinding([.left, .character("h")], .left, help: move, footer: KeyHint("←→↑↓", "move")),
            KeyBinding([.right, .character("l")], .right, help: move),
            KeyBinding([.up, .character("k")], .up, help: move),
            KeyBinding([.down, .character("j")], .down, help: move),
            KeyBinding([.pageUp], .pageUp, help: faster),
            KeyBinding([.pageDown], .pageDown, help: faster),
            KeyBinding([.home], .first, help: faster),
            KeyBinding([.end, .character("G")], .last, help: faster),
            KeyBinding([.character("g")], .toggleView, help: toggleView, footer: KeyHint("g", "list")),
        ]
        let replaced = Set(own.map(\.command))
        return KeyMap(own + galleryList.bindings.filter { !replaced.contains($0.command) })
    }()

    public static let galleryFilter: KeyMap<GalleryFilterCommand> = {
        let typed = KeyHint("typing, paste", "the filter; the list follows as you type")
        return KeyMap(
            KeyBinding<GalleryFilterCommand>.textEntry(type: .type, paste: .paste, help: typed) + [
                KeyBinding([.enter], .apply, help: KeyHint("Enter", "apply the filter"), footer: KeyHint("Enter", "apply")),
                KeyBinding([.escape], .cancel, help: KeyHint("Esc", "stop typing the filter"), footer: KeyHint("Esc", "cancel")),
                KeyBinding([.backspace], .backspace, help: KeyHint("⌫", "delete a character")),
                KeyBinding([.ctrl("u")], .clear, help: KeyHint("Ctrl+U", "clear the filter"), footer: KeyHint("^U", "clear")),
            ]
        )
    }()

    public static let fullScreen: KeyMap<FullScreenCommand> = {
        let page = KeyHint("← → ↑ ↓ h l j k Space", "previous / next image")
        let ends = KeyHint("Home End g G", "first / last image")
        return KeyMap([
            KeyBinding([.left, .up, .character("k"), .character("h")], .previous, help: page, footer: KeyHint("←→", "previous/next")),
            KeyBinding([.right, .down, .character("j"), .character("l"), .character(" ")], .next, help: page),
            KeyBinding([.home, .character("g")], .first, help: ends),
            KeyBinding([.end, .character("G")], .last, help: ends),
            KeyBinding([.character("c")], .copyPath, help: copyPath, footer: KeyHint("c", "copy path")),
            KeyBinding([.character("o")], .open, help: open, footer: KeyHint("o", "open")),
            KeyBinding([.escape, .character("q"), .character("v"), .enter], .back, help: KeyHint("Esc q v Enter", "back to the list, grid or sheet"), footer: KeyHint("Esc", "back")),
        ])
    }()
}
