import CNcurses

/// Maps ncurses key codes to tokens for the decoder. The fixed codes come from curses.h; the
/// modified arrows and the paste markers get codes at run time from the terminfo entry and
/// `define_key`, so they are looked up once after `initscr`.
struct NcursesKeys {
    /// At most six codes, so a list: a dictionary's first use made the Swift runtime check its
    /// key's `Hashable` conformance by scanning every conformance record, on the way to the
    /// first frame.
    private var dynamic: [(code: Int32, token: InputToken)] = []

    /// Must run after `initscr` and `keypad`.
    init() {
        let capabilities: [(String, KeyEvent)] = [
            ("kLFT5", .ctrlLeft), ("kRIT5", .ctrlRight), ("kLFT3", .alt(.left)), ("kRIT3", .alt(.right)),
        ]
        for (name, key) in capabilities {
            let code = nc_key_for_capability(name)
            if code > 0 { dynamic.append((code, .key(key))) }
        }
        // Mouse reports go to the decoder as raw bytes: terminfo's kmous (`\e[<` for xterm,
        // `\e[M` for tmux) would make ncurses report KEY_MOUSE and leave the rest of the report
        // to be read as typed text, since the UI does not use ncurses' own mouse handling.
        _ = define_key(nil, KEY_MOUSE)
        // Past every code ncurses assigns to terminfo's extended keys.
        let firstFree = KEY_MAX + 512
        let start = nc_bind_sequence("\u{1B}[200~", firstFree)
        if start > 0 { dynamic.append((start, .pasteStart)) }
        let end = nc_bind_sequence("\u{1B}[201~", firstFree)
        if end > 0 { dynamic.append((end, .pasteEnd)) }
    }

    /// The token for a key code `wgetch` returned (KEY_MIN and up), or nil for keys we ignore.
    func token(for code: Int32, size: () -> GridSize) -> InputToken? {
        if let known = dynamic.first(where: { $0.code == code }) { return known.token }
        if code > KEY_F0 && code <= KEY_F0 + 12 { return .key(.function(Int(code - KEY_F0))) }
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT, KEY_SLEFT: return .key(.left)
        case KEY_RIGHT, KEY_SRIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE:
            let now = size()
            return .key(.resize(columns: now.columns, rows: now.rows))
        default: return nil
        }
    }
}
