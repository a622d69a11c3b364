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
        let back = KeyBinding([.escape], ComposeCommand.back, help: HelpLine("Esc", "back to the prompt / dismiss a message; never quits"))
        return KeyMap(
            [
                KeyBinding([.tab], .nextFocus, help: tabHelp, footer: FooterHint("Tab", "next")),
                KeyBinding([.backTab], .previousFocus, help: tabHelp),
                KeyBinding([.ctrl("o"), .function(2)], .openGallery, help: HelpLine("Ctrl+O or F2", "gallery"), footer: FooterHint("^O", "gallery")),
                KeyBinding([.ctrl("e")], .toggleEditMode, help: HelpLine("Ctrl+E", "switch between generate and edit mode"), footer: FooterHint("^E", "edit mode")),
            ] + (searching ? [] : [back])
        )
    }

    private static let tabHelp = HelpLine("Tab Shift+Tab", "move between prompt, settings, sources and jobs")

    public static let prompt: KeyMap<PromptCommand> = {
        let move = HelpLine("← → Home End Ctrl+A", "move; Alt/Ctrl+←→ or Alt+B/F by word")
        let delete = HelpLine("⌫ Del Ctrl+W/U/K", "delete back / forward / word / to line start, end")
        let search = HelpLine("Ctrl+R", "search earlier prompts (again: older; Enter: take)")
        return KeyMap([
            KeyBinding(patterns: [.anyCharacter], .type, help: HelpLine("typing, paste", "edit the prompt; a paste keeps its new lines")),
            KeyBinding(patterns: [.anyPaste], .paste, help: HelpLine("typing, paste", "edit the prompt; a paste keeps its new lines")),
            KeyBinding([.enter], .submit, help: HelpLine("Enter", "send the request"), footer: FooterHint("Enter", "send")),
            KeyBinding([.newline], .newline, help: HelpLine("Ctrl+J or Alt+Enter", "new line in the prompt"), footer: FooterHint("^J", "newline")),
            KeyBinding([.left], .left, help: move),
            KeyBinding([.right], .right, help: move),
            KeyBinding([.home, .ctrl("a")], .home, help: move),
            KeyBinding([.end], .end, help: move),
            KeyBinding([.wordLeft], .wordLeft, help: move),
            KeyBinding([.wordRight], .wordRight, help: move),
            KeyBinding([.up], .up, help: HelpLine("↑ ↓", "move; on the first/last line: earlier prompts")),
            KeyBinding([.down], .down, help: HelpLine("↑ ↓", "move; on the first/last line: earlier prompts")),
            KeyBinding([.backspace], .backspace, help: delete),
            KeyBinding([.delete], .deleteForward, help: delete),
            KeyBinding([.ctrl("w")], .deleteWordBackward, help: delete),
            KeyBinding([.ctrl("u")], .deleteToLineStart, help: delete),
            KeyBinding([.ctrl("k")], .deleteToLineEnd, help: delete),
            KeyBinding([.ctrl("z")], .undo, help: HelpLine("Ctrl+Z Ctrl+Y", "undo / redo")),
            KeyBinding([.ctrl("y")], .redo, help: HelpLine("Ctrl+Z Ctrl+Y", "undo / redo")),
            KeyBinding([.ctrl("r")], .reverseSearch, help: search),
            KeyBinding([.escape, .ctrl("g")], .cancelSearch, help: HelpLine("Esc or Ctrl+G", "leave the prompt search")),
        ])
    }()
}
