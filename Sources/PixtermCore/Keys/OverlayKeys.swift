/// The help and session-log boxes.
public enum ReaderCommand: KeyCommand {
    case close
}

/// The first-run screen (no API key).
public enum FirstRunCommand: KeyCommand {
    case startDemo, quit, lookAround
}

/// A yes/no question.
public enum ConfirmCommand: KeyCommand {
    case yes, no
}

extension KeyMaps {
    public static let reader = KeyMap<ReaderCommand>([
        KeyBinding(
            [.escape, .enter, .character("q"), .function(1), .character("?"), .ctrl("l")], .close,
            help: KeyHint("Esc Enter q", "close"), footer: KeyHint("Esc", "close")
        ),
    ])

    public static let firstRun = KeyMap<FirstRunCommand>([
        KeyBinding([.character("d"), .character("D"), .enter], .startDemo, help: KeyHint("d or Enter", "try the offline demo"), footer: KeyHint("d", "demo")),
        KeyBinding([.character("q"), .character("Q")], .quit, help: KeyHint("q", "quit"), footer: KeyHint("q", "quit")),
        KeyBinding([.escape], .lookAround, help: KeyHint("Esc", "look around without a key"), footer: KeyHint("Esc", "look around")),
    ])

    public static let confirm = KeyMap<ConfirmCommand>([
        KeyBinding([.character("y"), .character("Y")], .yes, help: KeyHint("y", "yes"), footer: KeyHint("y", "yes")),
        KeyBinding([.character("n"), .character("N"), .escape], .no, help: KeyHint("n or Esc", "no"), footer: KeyHint("n", "no")),
    ])

    /// The footer of an overlay: only its own keys (the rest of the screen is covered).
    public static func guide(for overlay: Overlay) -> KeyGuide {
        switch overlay {
        case .help, .log: reader.guide
        case .firstRun: firstRun.guide
        case .confirm: confirm.guide
        }
    }
}
