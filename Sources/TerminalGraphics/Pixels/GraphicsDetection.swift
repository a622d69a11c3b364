/// Something that can put queries to the terminal and return the raw answer. The real one is
/// `TTYQuerier`; tests replay recorded replies.
public protocol TerminalQuerying {
    /// Writes `query` and returns every byte the terminal sent back before its DA1 reply was
    /// complete or the wait ran out; nil when there is no terminal to ask.
    func exchange(_ query: [UInt8]) -> [UInt8]?
}

/// What tmux says about the pane pixterm runs in and the terminal outside it.
public struct TmuxInfo: Sendable, Hashable {
    /// `allow-passthrough` is on (or `all`) for this pane.
    public var allowPassthrough: Bool
    /// `#{client_termname}` (the outer TERM) and `#{client_termtype}` (its XTVERSION, tmux 3.3+).
    public var clientTermName: String
    public var clientTermType: String

    public init(allowPassthrough: Bool, clientTermName: String = "", clientTermType: String = "") {
        self.allowPassthrough = allowPassthrough
        self.clientTermName = clientTermName
        self.clientTermType = clientTermType
    }
}

/// The method chosen, how to send it, and the reasons, for `pixterm doctor` and for messages.
public struct GraphicsDetection: Sendable, Hashable {
    public var method: GraphicsMethod
    /// Every sequence goes through tmux's passthrough.
    public var passthrough: Bool
    /// kitty images are shown through Unicode placeholder cells (needed inside tmux).
    public var placeholders: Bool
    /// Why this method, in a short clause ("KITTY_WINDOW_ID is set").
    public var reason: String
    /// The exact command or setting that would enable pixel graphics, when something is off.
    public var fix: String?
    /// The cell size the terminal reported, if it answered CSI 16 t.
    public var cellSize: CellPixelSize?
    /// What the user typed while the terminal was asked (`TerminalReplies.typeahead`).
    public var typeahead: [UInt8] = []

    public init(method: GraphicsMethod, passthrough: Bool = false, placeholders: Bool = false, reason: String, fix: String? = nil, cellSize: CellPixelSize? = nil) {
        self.method = method
        self.passthrough = passthrough
        self.placeholders = placeholders
        self.reason = reason
        self.fix = fix
        self.cellSize = cellSize
    }
}

/// Chooses a graphics method: an explicit setting wins; otherwise environment variables that
/// name the terminal, then the terminal's own answers to queries; half blocks when in doubt.
/// Inside tmux the environment may describe a terminal the session was started from long ago,
/// so there the answers (and tmux's view of the attached client) come first.
public struct GraphicsDetector: Sendable {
    public var environment: [String: String]
    /// nil outside tmux, or when tmux could not be asked.
    public var tmux: TmuxInfo?

    public init(environment: [String: String], tmux: TmuxInfo? = nil) {
        self.environment = environment
        self.tmux = tmux
    }

    public var insideTmux: Bool { !(environment["TMUX"] ?? "").isEmpty || term.hasPrefix("tmux") }
    public var insideScreen: Bool { !insideTmux && (!(environment["STY"] ?? "").isEmpty || term.hasPrefix("screen")) }
    private var term: String { environment["TERM"]?.lowercased() ?? "" }
    private var passthrough: Bool { insideTmux && tmux?.allowPassthrough == true }

    /// The bytes sent to the terminal: kitty's `a=q`, XTVERSION, the cell size (CSI 16 t) and
    /// DA1 last, which every terminal answers and so marks the end of the replies. Inside tmux
    /// the kitty query must pass through to reach the real terminal.
    public var query: [UInt8] {
        let kitty = passthrough ? TmuxPassthrough.wrap(KittyGraphics.query) : KittyGraphics.query
        return kitty + Array("\u{1B}[>0q\u{1B}[16t\u{1B}[c".utf8)
    }

    /// `source` names where a fixed preference came from ("--graphics", "graphics in config.toml").
    public func detect(preference: GraphicsPreference, source: String, terminal: (any TerminalQuerying)?) -> GraphicsDetection {
        let tmuxFix = insideTmux && !passthrough ? TmuxPassthrough.enableCommand : nil
        if case let .fixed(method) = preference {
            let needsPassthrough = method == .kitty || method == .iterm
            return GraphicsDetection(
                method: method, passthrough: passthrough && needsPassthrough, placeholders: insideTmux && method == .kitty,
                reason: "\(source) asks for \(method.rawValue)", fix: needsPassthrough ? tmuxFix : nil
            )
        }
        if term.isEmpty || term == "dumb" {
            return GraphicsDetection(method: .blocks, reason: term.isEmpty ? "TERM is not set" : "TERM is dumb")
        }
        if insideScreen {
            return GraphicsDetection(method: .blocks, reason: "GNU screen passes no image protocols", fix: "run pixterm outside screen, or in tmux with allow-passthrough on")
        }
        let hint = environmentHint()
        if !insideTmux, let hint { return GraphicsDetection(method: hint.method, reason: hint.reason) }
        guard let answer = terminal?.exchange(query) else {
            return GraphicsDetection(method: .blocks, reason: "no terminal to ask (/dev/tty cannot be opened)")
        }
        let replies = TerminalReplies(parsing: answer)
        var detection = insideTmux ? behindTmux(replies, hint: hint, fix: tmuxFix) : direct(replies)
        detection.cellSize = replies.cellSize
        detection.typeahead = replies.typeahead
        return detection
    }

    private func direct(_ replies: TerminalReplies) -> GraphicsDetection {
        if replies.kittyGraphics { return GraphicsDetection(method: .kitty, reason: "the terminal answered the kitty graphics query") }
        if let version = replies.version, let method = Self.method(forVersion: version) {
            return GraphicsDetection(method: method, reason: "the terminal calls itself \(version)")
        }
        if replies.sixel { return GraphicsDetection(method: .sixel, reason: "the terminal reports sixel support (DA1)") }
        if !replies.answered { return GraphicsDetection(method: .blocks, reason: "the terminal did not answer the capability queries in time") }
        return GraphicsDetection(method: .blocks, reason: "the terminal reports no pixel graphics support")
    }

    private func behindTmux(_ replies: TerminalReplies, hint: (method: GraphicsMethod, reason: String)?, fix: String?) -> GraphicsDetection {
        let outer = replies.kittyGraphics ? (method: GraphicsMethod.kitty, reason: "the terminal answered the kitty graphics query") : hint
        if passthrough, let outer, outer.method != .sixel {
            return GraphicsDetection(
                method: outer.method, passthrough: true, placeholders: outer.method == .kitty,
                reason: "\(outer.reason), through tmux passthrough"
            )
        }
        if replies.sixel { return GraphicsDetection(method: .sixel, reason: "tmux draws sixel images itself (DA1)") }
        if let outer, !passthrough {
            return GraphicsDetection(method: .blocks, reason: "tmux blocks image sequences (allow-passthrough is off); \(outer.reason)", fix: fix)
        }
        if !passthrough {
            return GraphicsDetection(method: .blocks, reason: "tmux blocks image sequences (allow-passthrough is off), so the terminal outside cannot be asked", fix: fix)
        }
        return GraphicsDetection(method: .blocks, reason: "no pixel graphics support found behind tmux")
    }

    /// A method named by the environment (or, inside tmux, by tmux's view of its client).
    func environmentHint() -> (method: GraphicsMethod, reason: String)? {
        let value = { (name: String) in environment[name] ?? "" }
        if !value("KITTY_WINDOW_ID").isEmpty { return (.kitty, "KITTY_WINDOW_ID is set") }
        if let tmux, let method = Self.method(forTerm: tmux.clientTermName) {
            return (method, "tmux's client terminal is \(tmux.clientTermName)")
        }
        if let tmux, let method = Self.method(forVersion: tmux.clientTermType) {
            return (method, "tmux's client terminal is \(tmux.clientTermType)")
        }
        if let method = Self.method(forTerm: term) { return (method, "TERM is \(term)") }
        let program = value("TERM_PROGRAM")
        switch program.lowercased() {
        case "ghostty": return (.kitty, "TERM_PROGRAM is ghostty")
        case "iterm.app", "wezterm", "mintty": return (.iterm, "TERM_PROGRAM is \(program)")
        default: break
        }
        if value("LC_TERMINAL") == "iTerm2" { return (.iterm, "LC_TERMINAL is iTerm2") }
        if let name = environment.keys.sorted().first(where: { $0.hasPrefix("WEZTERM_") }) { return (.iterm, "\(name) is set (WezTerm)") }
        return nil
    }

    static func method(forTerm term: String) -> GraphicsMethod? {
        let term = term.lowercased()
        if term == "xterm-kitty" || term == "xterm-ghostty" { return .kitty }
        if term.hasPrefix("foot") || term.hasPrefix("mlterm") || term.hasPrefix("contour") { return .sixel }
        return nil
    }

    static func method(forVersion version: String) -> GraphicsMethod? {
        let name = version.lowercased()
        if name.hasPrefix("kitty") || name.hasPrefix("ghostty") { return .kitty }
        if name.hasPrefix("iterm2") || name.hasPrefix("wezterm") || name.hasPrefix("mintty") { return .iterm }
        if name.hasPrefix("foot") || name.hasPrefix("mlterm") || name.hasPrefix("contour") { return .sixel }
        return nil
    }
}
