/// Everything a key can ask of the prompt field. The terminal layer decodes keys into these, so
/// key bindings can change without touching the editing logic, and tests drive the editor without
/// a terminal.
public enum EditorCommand: Sendable, Equatable {
    /// One typed character; consecutive ones form one undo step.
    case type(Character)
    /// A pasted block: newlines kept, other control characters and escape sequences dropped.
    case paste(String)
    case newline
    case backspace
    case deleteForward
    case left
    case right
    /// Up and Down move by visual row; at the first or last row `PromptInput` walks the history.
    case up
    case down
    /// Start of the visual row; pressed again there, start of the logical line.
    case home
    /// End of the visual row; pressed again there, end of the logical line.
    case end
    case wordLeft
    case wordRight
    /// Ctrl+W.
    case deleteWordBackward
    /// Ctrl+U.
    case deleteToLineStart
    /// Ctrl+K; at the end of a line it joins the next one.
    case deleteToLineEnd
    case undo
    case redo
    /// Ctrl+R: starts a reverse history search, or finds the next older match while searching.
    case reverseSearch
    /// Esc or Ctrl+G: leaves a history search and restores the prompt it started from.
    case cancel
    /// A click in the prompt: the caret goes to the grapheme boundary nearest this visual row
    /// and display column without passing it (never into a wide character's middle).
    case moveTo(VisualPoint)
    /// The wheel: shows `rows` rows further down (up when negative), taking the caret along
    /// only as far as it must to stay in view.
    case scroll(rows: Int)
}
