/// The images of one request side by side (the contact sheet).
public enum SheetCommand: KeyCommand {
    case previous, next, first, last, view, reuse, edit, keep, undo, back, quit
}

extension KeyMaps {
    public static let sheet: KeyMap<SheetCommand> = {
        let select = KeyHint("← → ↑ ↓ h l", "select an image")
        let ends = KeyHint("Home End", "first / last image")
        return KeyMap([
            KeyBinding([.left, .up, .character("h")], .previous, help: select, footer: KeyHint("←→", "select")),
            KeyBinding([.right, .down, .character("l")], .next, help: select),
            KeyBinding([.home], .first, help: ends),
            KeyBinding([.end], .last, help: ends),
            KeyBinding([.character("v"), .enter], .view, help: KeyHint("v or Enter", "view the image full screen (Esc goes back)"), footer: KeyHint("v", "view")),
            KeyBinding([.character("r")], .reuse, help: KeyHint("r", "reuse its prompt and settings in the editor"), footer: KeyHint("r", "reuse")),
            KeyBinding([.character("e")], .edit, help: KeyHint("e", "edit from this image"), footer: KeyHint("e", "edit")),
            KeyBinding(
                [.character("k")], .keep, help: KeyHint("k", "keep this one, moving the others to the trash (u undoes)"),
                footer: KeyHint("k", "keep this one")
            ),
            KeyBinding([.character("u")], .undo, help: KeyHint("u", "undo the last delete (all the images a keep removed)"), footer: KeyHint("u", "undo")),
            KeyBinding([.escape], .back, help: KeyHint("Esc", "back to where the sheet was opened"), footer: KeyHint("Esc", "back")),
            KeyBinding([.character("q")], .quit, help: KeyHint("q", "quit")),
        ])
    }()
}
