/// A focused picker (model, size, quality, n, format, mode).
public enum PickerCommand: KeyCommand {
    case previous, next, submit
    /// Typed text: a custom size's digits, or n's number.
    case type, paste, backspace
    case quit
}

/// Edit mode's source-image field.
public enum SourcesCommand: KeyCommand {
    case type, paste, backspace, add, clear
}

extension KeyMaps {
    /// While a custom size is typed, `q` is not a command (it is ignored like other letters).
    public static func picker(typingSize: Bool) -> KeyMap<PickerCommand> {
        let typed = KeyHint("digits", "Size: WIDTHxHEIGHT after choosing custom…; n: count")
        let quit = KeyBinding([.character("q")], PickerCommand.quit, help: KeyHint("q (outside text)", "quit"))
        return KeyMap(
            [
                KeyBinding([.left], .previous, help: KeyHint("← → or Space", "change the focused setting"), footer: KeyHint("←→", "change")),
                KeyBinding([.right, .character(" ")], .next, help: KeyHint("← → or Space", "change the focused setting")),
                KeyBinding([.enter], .submit, help: KeyHint("Enter", "send the request"), footer: KeyHint("Enter", "send")),
                KeyBinding([.backspace], .backspace, help: KeyHint("⌫", "in Size: delete a typed digit")),
            ] + KeyBinding<PickerCommand>.textEntry(type: .type, paste: .paste, help: typed) + (typingSize ? [] : [quit])
        )
    }

    public static let sources: KeyMap<SourcesCommand> = {
        let typed = KeyHint("typing, paste", "a source path; a pasted list of paths adds them all")
        return KeyMap(
            KeyBinding<SourcesCommand>.textEntry(type: .type, paste: .paste, help: typed) + [
                KeyBinding([.enter], .add, help: KeyHint("Enter", "add the typed path; with none typed, send the request"), footer: KeyHint("Enter", "add path")),
                KeyBinding([.backspace], .backspace, help: KeyHint("⌫", "delete a typed character, else remove the last source"), footer: KeyHint("⌫", "remove")),
                KeyBinding([.ctrl("u")], .clear, help: KeyHint("Ctrl+U", "clear the typed path")),
            ]
        )
    }()
}
