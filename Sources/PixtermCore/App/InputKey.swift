/// A key press as the view model understands it, independent of how the terminal encoded it.
public enum InputKey: Hashable, Sendable {
    case character(Character)
    /// A bracketed paste: one block of text, newlines kept, never a submit.
    case paste(String)
    case enter
    /// Ctrl+J or Alt+Enter: a newline in the prompt.
    case newline
    case tab, backTab, backspace, delete, escape
    case up, down, left, right, home, end, pageUp, pageDown
    case wordLeft, wordRight
    /// Ctrl plus a lowercase letter (`ctrl("c")`); Ctrl+J arrives as `.newline`.
    case ctrl(Character)
    case function(Int)
}
