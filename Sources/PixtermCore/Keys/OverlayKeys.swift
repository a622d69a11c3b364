/// The session-log box.
public enum ReaderCommand: KeyCommand {
    case close
}

/// The help box, taller than the screen: it scrolls.
public enum HelpCommand: KeyCommand {
    case close, lineUp, lineDown, pageUp, pageDown, top, bottom
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
    /// The keys that close the help and the log (their opening keys too).
    private static let closeReaderKeys: [InputKey] = [.escape, .enter, .character("q"), .function(1), .character("?"), .ctrl("l")]
    private static let closeReader = (help: KeyHint("Esc Enter q", "close"), footer: KeyHint("Esc", "close"))

    public static let reader = KeyMap<ReaderCommand>([
        KeyBinding(closeReaderKeys, .close, help: closeReader.help, footer: closeReader.footer)
    ])

    public static let help: KeyMap<HelpCommand> = {
        let line = KeyHint("↑ ↓ j k", "scroll this help a line")
        let page = KeyHint("PgUp PgDn", "scroll a page")
        let ends = KeyHint("Home End", "first / last page")
        return KeyMap([
            KeyBinding([.up, .character("k")], .lineUp, help: line),
            KeyBinding([.down, .character("j")], .lineDown, help: line),
            KeyBinding([.pageUp], .pageUp, help: page),
            KeyBinding([.pageDown], .pageDown, help: page),
            KeyBinding([.home], .top, help: ends),
            KeyBinding([.end], .bottom, help: ends),
            KeyBinding(closeReaderKeys, .close, help: closeReader.help, footer: closeReader.footer),
        ])
    }()

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
        case .help: help.guide
        case .log: reader.guide
        case .firstRun: firstRun.guide
        case .confirm: confirm.guide
        }
    }
}
