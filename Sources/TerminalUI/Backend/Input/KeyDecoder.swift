/// Turns the token stream read from the terminal into key events: UTF-8 text, Esc prefixes
/// (Alt), raw CSI and SS3 sequences ncurses did not decode, SGR mouse reports, and bracketed
/// paste. A pure state machine, so every sequence is unit-tested without a terminal.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        /// An Esc arrived; the next token decides between Alt+key, a sequence and Esc alone.
        case escape
        case csi(parameters: String)
        case ss3
        /// After `\e[M`: an old-style (X10) mouse report, whose three raw bytes are dropped so
        /// they are never typed into a field; the UI asks for SGR reports, which say more.
        case legacyMouse(remaining: Int)
        /// Inside a bracketed paste (the text so far is `pasteText`); `marker` counts how much
        /// of the end marker has been seen.
        case paste(marker: Int)
    }

    /// Real sequences carry a few parameter characters; a longer run is noise, and is not kept.
    private static let maxCSIParameters = 32

    private static let pasteEnd = Array("\u{1B}[201~".unicodeScalars)
    private var state = State.ground
    /// Outside `state`, so a long paste grows in place instead of being copied on every character.
    private var pasteText = String.UnicodeScalarView()
    private var utf8 = UTF8StreamDecoder()

    public init() {}

    /// True while a sequence is half read: the reader should feed `.idle` once no more input
    /// is waiting, instead of blocking. A mouse report split across reads (over ssh) waits for
    /// its end instead: what follows completes it, and a typed key that cannot belong to it
    /// ends it and is read as typed.
    public var awaitsMoreInput: Bool {
        switch state {
        case .escape, .ss3: return true
        case .csi(let parameters): return !Self.isMouseReport(parameters)
        case .ground, .paste, .legacyMouse: return false
        }
    }

    /// True inside a bracketed paste, where the reader should pass bytes through undecoded.
    public var isPasting: Bool {
        if case .paste = state { return true }
        return false
    }

    /// Feeds one byte the terminal sent, outside any sequence ncurses decoded into a key code.
    /// The decoder assembles UTF-8 itself, whatever the locale, and keeps a character split
    /// across reads until its last byte arrives.
    public mutating func feed(byte: UInt8) -> [KeyEvent] {
        let completed = utf8.push(byte)
        let replaced = completed.replaced ? feed(.scalar(UTF8StreamDecoder.replacement)) : []
        guard let scalar = completed.scalar else { return replaced }
        return replaced.isEmpty ? feed(.scalar(scalar)) : replaced + feed(.scalar(scalar))
    }

    public mutating func feed(_ token: InputToken) -> [KeyEvent] {
        switch state {
        case .ground: return ground(token)
        case .escape: return afterEscape(token)
        case .csi(let parameters): return inCSI(parameters, token)
        case .ss3: return inSS3(token)
        case .legacyMouse(let remaining): return inLegacyMouse(remaining, token)
        case .paste(let marker): return inPaste(marker, token)
        }
    }

    private mutating func ground(_ token: InputToken) -> [KeyEvent] {
        switch token {
        case .scalar(0x1B):
            state = .escape
            return []
        case .scalar(let value):
            return Self.plainKey(value).map { [$0] } ?? []
        case .key(let key):
            return [key]
        case .pasteStart:
            state = .paste(marker: 0)
            return []
        case .pasteEnd, .idle:
            return []
        }
    }

    private mutating func afterEscape(_ token: InputToken) -> [KeyEvent] {
        switch token {
        case .scalar(0x1B):
            return [.escape]
        case .scalar(0x5B):
            state = .csi(parameters: "")
            return []
        case .scalar(0x4F):
            state = .ss3
            return []
        case .scalar(let value):
            state = .ground
            return [Self.plainKey(value).map { .alt($0) } ?? .escape]
        case .key(.resize), .pasteStart, .pasteEnd, .idle:
            state = .ground
            return [.escape] + ground(token)
        case .key(let key):
            state = .ground
            return [.alt(key)]
        }
    }

    private mutating func inCSI(_ parameters: String, _ token: InputToken) -> [KeyEvent] {
        if Self.isMouseReport(parameters) { return inMouseReport(parameters, token) }
        guard case .scalar(let value) = token, let scalar = Unicode.Scalar(value) else {
            state = .ground
            let pending: [KeyEvent] = token == .idle ? [.alt(.text("["))] + parameters.map(KeyEvent.text) : []
            return pending + ground(token)
        }
        switch value {
        case 0x20...0x3F:
            if parameters.utf8.count <= Self.maxCSIParameters { state = .csi(parameters: parameters + String(scalar)) }
            return []
        case 0x40...0x7E:
            if parameters == EscapeSequence.pasteStartParameters && scalar == "~" {
                state = .paste(marker: 0)
                return []
            }
            if parameters.isEmpty && scalar == "M" {
                state = .legacyMouse(remaining: 3)
                return []
            }
            state = .ground
            guard parameters.utf8.count <= Self.maxCSIParameters else { return [] }
            return EscapeSequence.csi(parameters: parameters, final: scalar).map { [$0] } ?? []
        default:
            // A broken sequence: drop it and read the stray character as typed.
            state = .ground
            return ground(token)
        }
    }

    /// `\e[<` then digits and `;` up to `M` or `m`. Anything else ends the report unread and
    /// counts as typed, so a cut-off report never swallows the key after it; `.idle` keeps
    /// waiting (see `awaitsMoreInput`).
    private mutating func inMouseReport(_ parameters: String, _ token: InputToken) -> [KeyEvent] {
        switch token {
        case .idle:
            return []
        case .scalar(let value) where (0x30...0x39).contains(value) || value == 0x3B:
            if parameters.utf8.count <= Self.maxCSIParameters { state = .csi(parameters: parameters + String(UnicodeScalar(UInt8(value)))) }
            return []
        case .scalar(let value) where value == 0x4D || value == 0x6D:
            state = .ground
            return MouseEvent.sgr(parameters: parameters.dropFirst(), final: Unicode.Scalar(UInt8(value))).map { [.mouse($0)] } ?? []
        default:
            state = .ground
            return ground(token)
        }
    }

    private mutating func inLegacyMouse(_ remaining: Int, _ token: InputToken) -> [KeyEvent] {
        guard case .scalar = token else {
            state = .ground
            return ground(token)
        }
        state = remaining > 1 ? .legacyMouse(remaining: remaining - 1) : .ground
        return []
    }

    /// SGR mouse reports are the only CSI sequences with `<` first.
    private static func isMouseReport(_ parameters: String) -> Bool { parameters.utf8.first == UInt8(ascii: "<") }

    private mutating func inSS3(_ token: InputToken) -> [KeyEvent] {
        state = .ground
        guard case .scalar(let value) = token, let scalar = Unicode.Scalar(value) else {
            return (token == .idle ? [.alt(.text("O"))] : []) + ground(token)
        }
        return EscapeSequence.ss3(final: scalar).map { [$0] } ?? []
    }

    private mutating func inPaste(_ marker: Int, _ token: InputToken) -> [KeyEvent] {
        switch token {
        case .pasteEnd:
            return finishPaste()
        case .key(.enter):
            pasteText.append("\r")
        case .key(.tab):
            pasteText.append("\t")
        case .scalar(let value):
            guard let scalar = Unicode.Scalar(value) else { break }
            if scalar == Self.pasteEnd[marker] {
                if marker + 1 == Self.pasteEnd.count { return finishPaste() }
                state = .paste(marker: marker + 1)
                return []
            }
            // Not the end marker after all: what looked like its start is pasted text.
            // One by one: `append(contentsOf:)` copies the whole view each time, even for none.
            for held in Self.pasteEnd[0..<marker] { pasteText.append(held) }
            if scalar == Self.pasteEnd[0] {
                state = .paste(marker: 1)
                return []
            }
            pasteText.append(scalar)
        case .key, .pasteStart, .idle:
            break
        }
        state = .paste(marker: 0)
        return []
    }

    private mutating func finishPaste() -> [KeyEvent] {
        state = .ground
        defer { pasteText = String.UnicodeScalarView() }
        return [.paste(Self.normalisingNewlines(pasteText))]
    }

    /// The key a single character code means on its own.
    private static func plainKey(_ value: UInt32) -> KeyEvent? {
        switch value {
        case 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 0x60)!))
        case 28...31: return .ctrl(Character(Unicode.Scalar(value + 0x40)!))
        case 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .text(Character($0)) }
        }
    }

    /// Terminals send pasted line breaks as CR (like Enter); the paste keeps them as "\n".
    private static func normalisingNewlines(_ scalars: String.UnicodeScalarView) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in scalars {
            if scalar == "\n" && afterCR {
                afterCR = false
                continue
            }
            afterCR = scalar == "\r"
            result.append(afterCR ? "\n" : scalar)
        }
        return String(result)
    }
}
