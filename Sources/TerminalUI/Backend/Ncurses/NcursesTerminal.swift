import CNcurses
import TerminalGraphics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read by the exit hook, which cannot reach the terminal object.
nonisolated(unsafe) private var screenIsLive = false

/// The real terminal through ncursesw. Create it, use it and shut it down on one thread.
public final class NcursesTerminal: TerminalBackend {
    private let mapper: ColorMapper
    private var pairs: ColorPairCache
    let keys: NcursesKeys
    var decoder = KeyDecoder()
    var pending: [KeyEvent] = []
    private var lastFrame: CellGrid?
    var repaintAll = true
    private var cursorShown: Bool?
    var keypadOn = true
    var lastInput = ContinuousClock.now
    private var outgoing: [UInt8] = []
    let pipe: SelfPipe
    private var relay = SignalRelay()

    /// What start-up did about the locale; its `notice` is for the message line.
    public let locale: LocalePlan

    /// Takes over the terminal: a UTF-8 locale where the system has one (see `LocalePlan`), raw
    /// mode (Ctrl+C and Ctrl+Z arrive as keys), no echo, keypad decoding, a 25 ms escape delay
    /// unless ESCDELAY is set, and colours within what both the terminfo entry and the
    /// environment (NO_COLOR, COLORTERM) allow.
    public init(environment: [String: String]) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let pipe = SelfPipe() else { throw TerminalError.cannotCreatePipe }
        locale = ProcessLocale.adopt(environment: environment)
        guard nc_newterm() != nil else { throw TerminalError.unusableTerminalType(environment["TERM"] ?? "") }
        self.pipe = pipe
        screenIsLive = true
        _ = Self.exitHookInstalled
        raw()
        noecho()
        nonl()
        keypad(nc_stdscr(), true)
        if environment["ESCDELAY"] == nil { nc_set_escdelay(25) }
        var hasDefaultColors = false
        if has_colors() {
            start_color()
            hasDefaultColors = use_default_colors() == OK
        }
        mapper = ColorMapper(
            mode: ColorMode.detect(environment: environment),
            terminalColors: has_colors() ? Int(nc_colors()) : 0,
            hasDefaultColors: hasDefaultColors)
        pairs = ColorPairCache(pairs: mapper.usesColor ? Int(nc_color_pairs()) : 0)
        keys = NcursesKeys()
        relay.install(writingTo: pipe)
    }

    deinit { shutdown() }

    public var waker: TerminalWaker { TerminalWaker(pipe: pipe) }

    public func size() -> GridSize { GridSize(columns: Int(nc_cols()), rows: Int(nc_lines())) }

    @discardableResult public func draw(_ grid: CellGrid, cursor: GridPoint?) -> Bool {
        guard screenIsLive else { return false }
        var changes = grid.changes(since: repaintAll ? nil : lastFrame)
        var (pairOf, evicted) = assignPairs(changes)
        if evicted, !repaintAll {
            // A recycled pair may colour cells still on screen: repaint all of them.
            changes = grid.changes(since: nil)
            (pairOf, _) = assignPairs(changes)
        }
        let cleared = repaintAll || evicted
        if cleared {
            werase(nc_stdscr())
            clearok(nc_curscr(), true)
        }
        for change in changes {
            put(change, pair: pairOf[StyleColors(change.cell.style)] ?? 0)
        }
        if let cursor {
            if cursorShown != true { curs_set(1) }
            wmove(nc_stdscr(), Int32(cursor.row), Int32(cursor.column))
        } else if cursorShown != false {
            curs_set(0)
        }
        cursorShown = cursor != nil
        wnoutrefresh(nc_stdscr())
        doupdate()
        writeToTerminal(outgoing)
        outgoing = []
        lastFrame = grid
        repaintAll = false
        return cleared
    }

    public func emit(rawBytes: [UInt8]) { outgoing += rawBytes }

    public func writeNow(rawBytes: [UInt8]) {
        guard screenIsLive else { return }
        writeToTerminal(rawBytes)
    }

    public func setBracketedPaste(_ enabled: Bool) {
        TerminalModes.bracketedPaste = enabled
        emit(rawBytes: enabled ? TerminalModes.bracketedPasteOn : TerminalModes.bracketedPasteOff)
    }

    public func setMouseReporting(_ enabled: Bool) {
        TerminalModes.mouseReporting = enabled
        emit(rawBytes: enabled ? TerminalModes.mouseReportingOn : TerminalModes.mouseReportingOff)
    }

    public func shutdown() {
        guard screenIsLive else { return }
        TerminalModes.writeOff()
        TerminalModes.bracketedPaste = false
        TerminalModes.mouseReporting = false
        endwin()
        screenIsLive = false
        relay.uninstall()
    }

    /// Colour pair numbers for the colour combinations of the cells about to be drawn, defining
    /// new ones. Only changed cells are looked at, which keeps a keystroke cheap; looking them
    /// all up before drawing protects them from recycling within the frame. If an older pair had
    /// to be recycled, cells already on screen may use it, so the caller repaints everything.
    private func assignPairs(_ changes: [CellChange]) -> (pairs: [StyleColors: Int32], evicted: Bool) {
        guard mapper.usesColor else { return ([:], false) }
        pairs.beginFrame()
        var result: [StyleColors: Int32] = [:]
        var evicted = false
        var previous: StyleColors?
        for change in changes {
            // Runs of one style are the rule (text, borders), so compare before hashing.
            let colors = StyleColors(change.cell.style)
            guard colors != previous else { continue }
            previous = colors
            guard result[colors] == nil else { continue }
            let key = ColorPairKey(foreground: mapper.foreground(colors.foreground), background: mapper.background(colors.background))
            switch pairs.lookup(key) {
            case .cached(let number):
                result[colors] = number
            case .assigned(let number, let recycled):
                init_extended_pair(number, key.foreground, key.background)
                result[colors] = number
                evicted = evicted || recycled != nil
            case .exhausted:
                result[colors] = 0
            }
        }
        return (result, evicted)
    }

    private func put(_ change: CellChange, pair: Int32) {
        let style = change.cell.style
        let attributes = nc_attributes(
            style.attributes.contains(.bold), style.attributes.contains(.dim),
            style.attributes.contains(.reverse), style.attributes.contains(.underline))
        let row = Int32(change.row), column = Int32(change.column), width = Int(change.cell.width)
        guard locale.drawsUnicode else {
            putSingleByte(SingleByteGlyph(change.cell.grapheme, width: width), row: row, column: column, attributes: attributes, pair: pair)
            return
        }
        var text = change.cell.grapheme.unicodeScalars.prefix(Int(CCHARW_MAX)).map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        guard nc_put_cell(row, column, text, attributes, pair) else {
            // ncurses cannot store this grapheme; keep the columns the grid reserved for it.
            putSingleByte(.text(String(repeating: SingleByteGlyph.placeholder, count: max(1, width))), row: row, column: column, attributes: attributes, pair: pair)
            return
        }
        // Where the C library counts a grapheme narrower than the grid does (❤️, flags), ncurses
        // treats the grid's continuation as a cell of its own: give it the grapheme's style.
        if width == 2 && nc_wcwidth(text[0]) == 1 {
            _ = nc_put_cell(row, column + 1, [wchar_t(UInt8(ascii: " ")), 0], attributes, pair)
        }
    }

    /// Draws a cell one single-byte character per column, which works in any locale.
    private func putSingleByte(_ glyph: SingleByteGlyph, row: Int32, column: Int32, attributes: attr_t, pair: Int32) {
        switch glyph {
        case .lineDrawing(let key):
            nc_put_acs(row, column, key, attributes, pair)
        case .text(let text):
            for (offset, byte) in text.utf8.enumerated() {
                _ = nc_put_cell(row, column + Int32(offset), [wchar_t(byte), 0], attributes, pair)
            }
        }
    }

    private func writeToTerminal(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if errno != EINTR && errno != EAGAIN {
                return
            }
        }
    }

    /// Leaves the shell usable even if the app exits without `shutdown()`; installed once.
    private static let exitHookInstalled: Bool = {
        atexit {
            TerminalModes.writeOff()
            if screenIsLive { endwin() }
        }
        return true
    }()
}

/// The colour half of a style, the part colour pairs are made of.
struct StyleColors: Hashable {
    let foreground: CellColor
    let background: CellColor

    init(_ style: CellStyle) {
        foreground = style.foreground
        background = style.background
    }
}
