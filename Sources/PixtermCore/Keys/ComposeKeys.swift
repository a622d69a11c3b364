/// Keys of the compose screen whatever has focus; the focused part's table comes first.
public enum ComposeCommand: KeyCommand {
    case nextFocus, previousFocus, openGallery, toggleEditMode
    /// Esc: dismiss the message, else go back to the prompt.
    case back
}

/// The prompt editor.
public enum PromptCommand: KeyCommand {
    case type, paste, submit, newline
    case backspace, deleteForward, deleteWordBackward, deleteToLineStart, deleteToLineEnd
    case left, right, up, down, home, end, wordLeft, wordRight
    case undo, redo, reverseSearch, cancelSearch
}

extension KeyMaps {
    /// While the prompt search (Ctrl+R) is open, Esc belongs to it, not to the screen.
    public static func compose(searching: Bool) -> KeyMap<ComposeCommand> {
        let back = KeyBinding([.escape], ComposeCommand.back, help: KeyHint("Esc", "back to the prompt / dismiss a message; never quits"))
        return KeyMap(
            [
                KeyBinding([.tab], .nextFocus, help: tabHelp, footer: KeyHint("Tab", "next")),
                KeyBinding([.backTab], .previousFocus, help: tabHelp),
                KeyBinding([.ctrl("o"), .function(2)], .openGallery, help: KeyHint("Ctrl+O or F2", "gallery"), footer: KeyHint("^O", "gallery")),
                KeyBinding([.ctrl("e")], .toggleEditMode, help: KeyHint("Ctrl+E", "switch between generate and edit mode"), footer: KeyHint("^E", "edit mode")),
            ] + (searching ? [] : [back])
        )
    }

    private static let tabHelp = KeyHint("Tab Shift+Tab", "move between prompt, settings, sources and jobs")

    public static let prompt: KeyMap<PromptCommand> = {
        let move = KeyHint("← → Home End Ctrl+A", "move; Alt/Ctrl+←→ or Alt+B/F by word")
        let delete = KeyHint("⌫ Del Ctrl+W/U/K", "delete back / forward / word / to line start, end")
        let search = KeyHint("Ctrl+R", "search earlier prompts (again: older; Enter: take)")
        return KeyMap(
            KeyBinding<PromptCommand>.textEntry(type: .type, paste: .paste, help: KeyHint("typing, paste", "edit the prompt; a paste keeps its new lines")) + [
                KeyBinding([.enter], .submit, help: KeyHint("Enter", "send the request"), footer: KeyHint("Enter", "send")),
                KeyBinding([.newline], .newline, help: KeyHint("Ctrl+J or Alt+Enter", "new line in the prompt"), footer: KeyHint("^J", "newline")),
                KeyBinding([.left], .left, help: move),
                KeyBinding([.right], .right, help: move),
                KeyBinding([.home, .ctrl("a")], .home, help: move),
                KeyBinding([.end], .end, help: move),
                KeyBinding([.wordLeft], .wordLeft, help: move),
                KeyBinding([.wordRight], .wordRight, help: move),
                KeyBinding([.up], .up, help: KeyHint("↑ ↓", "move; on the first/last line: earlier prompts")),
                KeyBinding([.down], .down, help: KeyHint("↑ ↓", "move; on the first/last line: earlier prompts")),
                KeyBinding([.backspace], .backspace, help: delete),
                KeyBinding([.delete], .deleteForward, help: delete),
                KeyBinding([.ctrl("w")], .deleteWordBackward, help: delete),
                KeyBinding([.ctrl("u")], .deleteToLineStart, help: delete),
                KeyBinding([.ctrl("k")], .deleteToLineEnd, help: delete),
                KeyBinding([.ctrl("z")], .undo, help: KeyHint("Ctrl+Z Ctrl+Y", "undo / redo")),
                KeyBinding([.ctrl("y")], .redo, help: KeyHint("Ctrl+Z Ctrl+Y", "undo / redo")),
                KeyBinding([.ctrl("r")], .reverseSearch, help: search),
                KeyBinding([.escape, .ctrl("g")], .cancelSearch, help: KeyHint("Esc or Ctrl+G", "leave the prompt search")),
            ]
        )
    }()
}
