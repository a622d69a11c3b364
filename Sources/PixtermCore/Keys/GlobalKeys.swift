/// Keys that work on every screen (overlays take all keys but Ctrl+C).
public enum GlobalCommand: KeyCommand {
    /// Ctrl+C: closes or cancels what is in front; a second one in a row quits.
    case interrupt
    case help
    case log
}

extension KeyMaps {
    /// `?` opens help only where printable keys are commands; in a text field it is typed.
    public static func global(typingText: Bool) -> KeyMap<GlobalCommand> {
        let help = KeyHint("F1 or ?", "this help (? only outside text fields)")
        return KeyMap([
            typingText
                ? KeyBinding([.function(1)], .help, help: help, footer: KeyHint("F1", "help"))
                : KeyBinding([.function(1), .character("?")], .help, help: help, footer: KeyHint("?", "help")),
            KeyBinding([.ctrl("l")], .log, help: KeyHint("Ctrl+L", "session log")),
            KeyBinding([.ctrl("c")], .interrupt, help: KeyHint("Ctrl+C", "cancel; twice quits"), footer: KeyHint("^C", "quit")),
        ])
    }
}

/// The key tables of every screen context, in one namespace.
public enum KeyMaps {}
