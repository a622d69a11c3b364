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
        let typed = HelpLine("digits", "Size: WIDTHxHEIGHT after choosing custom…; n: count")
        let quit = KeyBinding([.character("q")], PickerCommand.quit, help: HelpLine("q (outside text)", "quit"))
        return KeyMap(
            [
                KeyBinding([.left], .previous, help: HelpLine("← → or Space", "change the focused setting"), footer: FooterHint("←→", "change")),
                KeyBinding([.right, .character(" ")], .next, help: HelpLine("← → or Space", "change the focused setting")),
                KeyBinding([.enter], .submit, help: HelpLine("Enter", "send the request"), footer: FooterHint("Enter", "send")),
                KeyBinding(patterns: [.anyCharacter], .type, help: typed),
                KeyBinding(patterns: [.anyPaste], .paste, help: typed),
                KeyBinding([.backspace], .backspace, help: HelpLine("⌫", "in Size: delete a typed digit")),
            ] + (typingSize ? [] : [quit])
        )
    }

    public static let sources: KeyMap<SourcesCommand> = {
        let typed = HelpLine("typing, paste", "a source path; a pasted list of paths adds them all")
        return KeyMap([
            KeyBinding(patterns: [.anyCharacter], .type, help: typed),
            KeyBinding(patterns: [.anyPaste], .paste, help: typed),
            KeyBinding([.enter], .add, help: HelpLine("Enter", "add the typed path; with none typed, send the request"), footer: FooterHint("Enter", "add path")),
            KeyBinding([.backspace], .backspace, help: HelpLine("⌫", "delete a typed character, else remove the last source"), footer: FooterHint("⌫", "remove")),
            KeyBinding([.ctrl("u")], .clear, help: HelpLine("Ctrl+U", "clear the typed path")),
        ])
    }()
}
