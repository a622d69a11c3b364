import PixtermCore

/// Turns what the terminal decoded into the keys the view model understands; nil for keys the
/// UI does not use (Insert, Alt plus a letter other than the word motions) and for resizes and
/// mouse reports, which the runtime handles itself. Alt+B/F become word motions and Alt+Enter a newline here,
/// so the key tables never see an Alt key.
enum KeyMapping {
    static func inputKey(_ event: KeyEvent) -> InputKey? {
        if event.isWordLeft { return .wordLeft }
        if event.isWordRight { return .wordRight }
        switch event {
        case let .text(character): return .character(character)
        case .ctrl("j"): return .newline
        case let .ctrl(letter): return .ctrl(letter)
        case .alt(.enter): return .newline
        case .alt(.text): return nil
        case let .alt(inner): return inputKey(inner)
        case .enter: return .enter
        case .tab: return .tab
        case .backTab: return .backTab
        case .backspace: return .backspace
        case .delete: return .delete
        case .escape: return .escape
        case .up: return .up
        case .down: return .down
        case .left: return .left
        case .right: return .right
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case let .function(number): return .function(number)
        case let .paste(text): return .paste(text)
        case .insert, .resize, .mouse, .ctrlLeft, .ctrlRight: return nil
        }
    }
}
