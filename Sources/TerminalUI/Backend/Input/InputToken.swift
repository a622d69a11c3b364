/// One thing read from the terminal, as the decoder consumes it. The ncurses loop produces
/// key codes and idle marks from `wgetch`, and scalars through `KeyDecoder.feed(byte:)`;
/// tests produce them by hand.
public enum InputToken: Sendable, Hashable {
    /// A character: a Unicode scalar value or a C0 control.
    case scalar(UInt32)
    /// A key ncurses already decoded from a terminfo sequence.
    case key(KeyEvent)
    /// The bracketed paste markers `\e[200~` and `\e[201~` recognised by ncurses.
    case pasteStart, pasteEnd
    /// No more input is waiting (the escape delay has passed): a lone Esc is a key after all.
    case idle
}
