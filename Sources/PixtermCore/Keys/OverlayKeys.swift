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
            help: HelpLine("Esc Enter q", "close"), footer: FooterHint("Esc", "close")
        ),
    ])

    public static let firstRun = KeyMap<FirstRunCommand>([
        KeyBinding([.character("d"), .character("D"), .enter], .startDemo, help: HelpLine("d or Enter", "try the offline demo"), footer: FooterHint("d", "demo")),
        KeyBinding([.character("q"), .character("Q")], .quit, help: HelpLine("q", "quit"), footer: FooterHint("q", "quit")),
        KeyBinding([.escape], .lookAround, help: HelpLine("Esc", "look around without a key"), footer: FooterHint("Esc", "look around")),
    ])

    public static let confirm = KeyMap<ConfirmCommand>([
        KeyBinding([.character("y"), .character("Y")], .yes, help: HelpLine("y", "yes"), footer: FooterHint("y", "yes")),
        KeyBinding([.character("n"), .character("N"), .escape], .no, help: HelpLine("n or Esc", "no"), footer: FooterHint("n", "no")),
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
