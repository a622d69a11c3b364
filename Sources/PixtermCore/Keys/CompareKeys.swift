/// An edit and its source side by side (`b` in the gallery).
public enum CompareCommand: KeyCommand {
    case toggle, back
}

extension KeyMaps {
    public static let compare = KeyMap<CompareCommand>([
        KeyBinding(
            [.character(" "), .tab, .backTab], .toggle, help: KeyHint("Space or Tab", "before ⇄ after, where only one fits"),
            footer: KeyHint("Space", "before/after")),
        KeyBinding([.escape, .character("q"), .character("b")], .back, help: KeyHint("Esc q b", "back to the gallery"), footer: KeyHint("Esc", "back")),
    ])
}
