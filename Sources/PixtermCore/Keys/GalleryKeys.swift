/// The gallery's list of images.
public enum GalleryListCommand: KeyCommand {
    case back, up, down, pageUp, pageDown, first, last
    case filter, view, reuse, edit, delete, undo, copyPath, open, compose, quit
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
    private static let copyPath = HelpLine("c", "copy the path (OSC 52, works over SSH and tmux)")
    private static let open = HelpLine("o", "open in the system viewer")

    public static let galleryList: KeyMap<GalleryListCommand> = {
        let select = HelpLine("↑ ↓ j k", "select")
        let faster = HelpLine("PgUp PgDn Home End g G", "move faster")
        return KeyMap([
            KeyBinding([.up, .character("k")], .up, help: select, footer: FooterHint("↑↓", "select")),
            KeyBinding([.down, .character("j")], .down, help: select),
            KeyBinding([.pageUp], .pageUp, help: faster),
            KeyBinding([.pageDown], .pageDown, help: faster),
            KeyBinding([.home, .character("g")], .first, help: faster),
            KeyBinding([.end, .character("G")], .last, help: faster),
            KeyBinding([.character("v"), .enter], .view, help: HelpLine("v or Enter", "view the image full screen (Esc goes back)"), footer: FooterHint("v", "view")),
            KeyBinding([.character("/")], .filter, help: HelpLine("/", "filter by prompt text"), footer: FooterHint("/", "filter")),
            KeyBinding([.character("r")], .reuse, help: HelpLine("r", "reuse prompt and settings in the editor"), footer: FooterHint("r", "reuse")),
            KeyBinding([.character("e")], .edit, help: HelpLine("e", "edit from this image"), footer: FooterHint("e", "edit")),
            KeyBinding([.character("d"), .delete], .delete, help: HelpLine("d or Delete", "delete (to the gallery's trash)"), footer: FooterHint("d", "delete")),
            KeyBinding([.character("u")], .undo, help: HelpLine("u", "undo the last delete")),
            KeyBinding([.escape], .back, help: HelpLine("Esc", "clear the filter, else back to compose"), footer: FooterHint("Esc", "back")),
            KeyBinding([.character("c")], .copyPath, help: copyPath, footer: FooterHint("c", "copy path")),
            KeyBinding([.character("o")], .open, help: open),
            KeyBinding([.ctrl("o"), .function(2)], .compose, help: HelpLine("Ctrl+O or F2", "back to compose")),
            KeyBinding([.character("q")], .quit, help: HelpLine("q", "quit")),
        ])
    }()

    public static let galleryFilter: KeyMap<GalleryFilterCommand> = {
        let typed = HelpLine("typing, paste", "the filter; the list follows as you type")
        return KeyMap([
            KeyBinding(patterns: [.anyCharacter], .type, help: typed),
            KeyBinding(patterns: [.anyPaste], .paste, help: typed),
            KeyBinding([.enter], .apply, help: HelpLine("Enter", "apply the filter"), footer: FooterHint("Enter", "apply")),
            KeyBinding([.escape], .cancel, help: HelpLine("Esc", "stop typing the filter"), footer: FooterHint("Esc", "cancel")),
            KeyBinding([.backspace], .backspace, help: HelpLine("⌫", "delete a character")),
            KeyBinding([.ctrl("u")], .clear, help: HelpLine("Ctrl+U", "clear the filter"), footer: FooterHint("^U", "clear")),
        ])
    }()

    public static let fullScreen: KeyMap<FullScreenCommand> = {
        let page = HelpLine("← → ↑ ↓ h l j k Space", "previous / next image")
        let ends = HelpLine("Home End g G", "first / last image")
        return KeyMap([
            KeyBinding([.left, .up, .character("k"), .character("h")], .previous, help: page, footer: FooterHint("←→", "previous/next")),
            KeyBinding([.right, .down, .character("j"), .character("l"), .character(" ")], .next, help: page),
            KeyBinding([.home, .character("g")], .first, help: ends),
            KeyBinding([.end, .character("G")], .last, help: ends),
            KeyBinding([.character("c")], .copyPath, help: copyPath, footer: FooterHint("c", "copy path")),
            KeyBinding([.character("o")], .open, help: open, footer: FooterHint("o", "open")),
            KeyBinding([.escape, .character("q"), .character("v"), .enter], .back, help: HelpLine("Esc q v Enter", "back to the list"), footer: FooterHint("Esc", "back")),
        ])
    }()
}
