import Testing
import TerminalGraphics

/// Replays a recorded terminal answer and remembers what was asked.
final class RecordedTerminal: TerminalQuerying {
    let reply: [UInt8]?
    private(set) var queries: [[UInt8]] = []

    init(_ reply: String?) { self.reply = reply.map(bytes) }

    func exchange(_ query: [UInt8]) -> [UInt8]? {
        queries.append(query)
        return reply
    }
}

@Suite struct GraphicsDetectionTests {
    private static let xterm = ["TERM": "xterm-256color"]

    private func detect(_ environment: [String: String], tmux: TmuxInfo? = nil, reply: String?) -> (GraphicsDetection, RecordedTerminal) {
        let terminal = RecordedTerminal(reply)
        let detection = GraphicsDetector(environment: environment, tmux: tmux).detect(preference: .auto, source: "--graphics", terminal: terminal)
        return (detection, terminal)
    }

    @Test func kittyAnswerWins() {
        let (detection, terminal) = detect(Self.xterm, reply: "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62;c")
        #expect(detection.method == .kitty)
        #expect(!detection.placeholders && !detection.passthrough)
        #expect(text(terminal.queries[0]) == "\u{1B}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\u{1B}\\\u{1B}[>0q\u{1B}[16t\u{1B}[c")
    }

    @Test func kittyErrorAnswerIsNotSupport() {
        let (detection, _) = detect(Self.xterm, reply: "\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}[?62;c")
        #expect(detection.method == .blocks)
    }

    @Test func weztermVersionPicksITermEvenThoughItAlsoHasSixel() {
        let (detection, _) = detect(Self.xterm, reply: "\u{1B}P>|WezTerm 20240203-110809-5046fc22\u{1B}\\\u{1B}[?65;4;6;18;22c")
        #expect(detection.method == .iterm)
        #expect(detection.reason.contains("WezTerm"))
    }

    @Test func xtermWithSixelAndCellSize() {
        let (detection, _) = detect(Self.xterm, reply: "\u{1B}P>|XTerm(390)\u{1B}\\\u{1B}[6;17;8t\u{1B}[?63;1;2;4;6;9;15;16;22;28c")
        #expect(detection.method == .sixel)
        #expect(detection.cellSize == CellPixelSize(width: 8, height: 17))
    }

    @Test func answerWithoutGraphicsFallsBackToBlocks() {
        let (detection, _) = detect(Self.xterm, reply: "\u{1B}[?65;1;9c")
        #expect(detection.method == .blocks)
        #expect(detection.reason.contains("no pixel"))
    }

    @Test func noReplyFallsBackToBlocksAndSaysSo() {
        let (detection, _) = detect(Self.xterm, reply: "")
        #expect(detection.method == .blocks)
        #expect(detection.reason.contains("did not answer"))
        let (noTerminal, _) = detect(Self.xterm, reply: nil)
        #expect(noTerminal.method == .blocks)
        #expect(noTerminal.reason.contains("/dev/tty"))
    }

    @Test func environmentDecidesWithoutQueryingOutsideTmux() {
        let cases: [([String: String], GraphicsMethod)] = [
            (["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"], .kitty),
            (["TERM": "xterm-ghostty"], .kitty),
            (["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"], .iterm),
            (["TERM": "xterm-256color", "WEZTERM_PANE": "0"], .iterm),
            (["TERM": "xterm-256color", "LC_TERMINAL": "iTerm2"], .iterm),
            (["TERM": "foot"], .sixel),
        ]
        for (environment, expected) in cases {
            let (detection, terminal) = detect(environment, reply: "\u{1B}[?62c")
            #expect(detection.method == expected, "\(environment)")
            #expect(terminal.queries.isEmpty)
        }
    }

    @Test func explicitChoiceWinsOverEverything() {
        let terminal = RecordedTerminal("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}[?62c")
        let detection = GraphicsDetector(environment: ["TERM": "xterm-kitty"]).detect(preference: .fixed(.sixel), source: "--graphics", terminal: terminal)
        #expect(detection.method == .sixel)
        #expect(detection.reason == "--graphics asks for sixel")
        #expect(terminal.queries.isEmpty)
        #expect(GraphicsPreference("Kitty") == .fixed(.kitty))
        #expect(GraphicsPreference("auto") == .auto)
        #expect(GraphicsPreference("png") == nil)
    }

    @Test func dumbTerminalsAndScreenGetBlocks() {
        #expect(detect(["TERM": "dumb", "KITTY_WINDOW_ID": "1"], reply: nil).0.method == .blocks)
        #expect(detect([:], reply: nil).0.method == .blocks)
        let screen = detect(["TERM": "screen-256color", "STY": "1.pts"], reply: "\u{1B}[?62;4c").0
        #expect(screen.method == .blocks)
        #expect(screen.fix != nil)
    }

    // MARK: tmux

    private static let tmuxEnvironment = ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-1000/default,1,0", "KITTY_WINDOW_ID": "3"]

    @Test func tmuxWithoutPassthroughFallsBackAndNamesTheSetting() {
        let (detection, terminal) = detect(Self.tmuxEnvironment, tmux: TmuxInfo(allowPassthrough: false), reply: "\u{1B}P>|tmux 3.3a\u{1B}\\\u{1B}[?1;2c")
        #expect(detection.method == .blocks)
        #expect(detection.fix == "tmux set -g allow-passthrough on")
        #expect(detection.reason.contains("allow-passthrough is off"))
        #expect(!text(terminal.queries[0]).contains("Ptmux;"))
    }

    @Test func tmuxWithPassthroughUsesKittyPlaceholders() {
        let (detection, terminal) = detect(Self.tmuxEnvironment, tmux: TmuxInfo(allowPassthrough: true), reply: "\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P>|tmux 3.4\u{1B}\\\u{1B}[?1;2c")
        #expect(detection.method == .kitty)
        #expect(detection.passthrough && detection.placeholders)
        #expect(text(terminal.queries[0]).hasPrefix("\u{1B}Ptmux;\u{1B}\u{1B}_Gi=31,"))
    }

    @Test func tmuxClientTerminalNamesTheOuterTerminal() {
        let environment = ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]
        let info = TmuxInfo(allowPassthrough: true, clientTermName: "xterm-256color", clientTermType: "iTerm2 3.5.0")
        let (detection, _) = detect(environment, tmux: info, reply: "\u{1B}[?1;2c")
        #expect(detection.method == .iterm)
        #expect(detection.passthrough && !detection.placeholders)
    }

    @Test func tmuxThatDrawsSixelItselfNeedsNoPassthrough() {
        let environment = ["TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"]
        let (detection, _) = detect(environment, tmux: TmuxInfo(allowPassthrough: false), reply: "\u{1B}P>|tmux 3.4\u{1B}\\\u{1B}[?1;2;4c")
        #expect(detection.method == .sixel)
        #expect(!detection.passthrough)
    }

    @Test func repliesParseInAnyOrderAmidNoise() {
        let replies = TerminalReplies(parsing: bytes("x\u{1B}[6;20;10t\u{1B}[?62;4;22cjunk\u{1B}P>|foot(1.16)\u{1B}\\"))
        #expect(replies.sixel)
        #expect(replies.version == "foot(1.16)")
        #expect(replies.cellSize == CellPixelSize(width: 10, height: 20))
        #expect(!TerminalReplies.containsDeviceAttributes(bytes("\u{1B}[?62;4")))
    }

    /// Keys typed while the queries were out come back in order, whatever the replies around
    /// them; only what terminals send as replies is taken out.
    @Test func keysTypedAmidTheRepliesAreTypeahead() {
        let replies = TerminalReplies(
            parsing: bytes("ab\u{1B}_Gi=31;ENOTSUPPORTED\u{1B}\\c\u{1B}[A\u{1B}P>|foot(1.16)\u{1B}\\猫\u{1B}[6;20;10t\u{1B}x\u{1B}[?62;22c\r\u{1B}"))
        #expect(text(replies.typeahead) == "abc\u{1B}[A猫\u{1B}x\r\u{1B}")
        #expect(replies.version == "foot(1.16)" && replies.deviceAttributes == [62, 22] && !replies.kittyGraphics)
        #expect(TerminalReplies(parsing: bytes("\u{1B}[?62;c")).typeahead.isEmpty)
        // A sequence the read cut short is kept as typed: it may be the start of a key.
        #expect(text(TerminalReplies(parsing: bytes("q\u{1B}[1;5")).typeahead) == "q\u{1B}[1;5")
        #expect(text(TerminalReplies(parsing: bytes("q\u{1B}Pabc")).typeahead) == "q\u{1B}Pabc")
    }

    @Test func detectionHandsBackTheKeysTypedMeanwhile() {
        let (detection, _) = detect(Self.xterm, reply: "hi\u{1B}[?62;4c")
        #expect(detection.method == .sixel)
        #expect(text(detection.typeahead) == "hi")
    }

    @Test func cellSizeFromWindowSize() {
        #expect(CellPixelSize.from(columns: 80, rows: 24, pixelWidth: 800, pixelHeight: 480) == CellPixelSize(width: 10, height: 20))
        #expect(CellPixelSize.from(columns: 80, rows: 24, pixelWidth: 0, pixelHeight: 0) == nil)
    }

    @Test func pixelFitKeepsAspectInsideTheCells() {
        let square = PixelFit(imageWidth: 1024, imageHeight: 1024, maxColumns: 40, maxRows: 20, cell: .fallback)
        #expect((square.pixelWidth, square.pixelHeight, square.columns, square.rows) == (400, 400, 40, 20))
        let wide = PixelFit(imageWidth: 1536, imageHeight: 1024, maxColumns: 40, maxRows: 20, cell: .fallback)
        #expect((wide.pixelWidth, wide.pixelHeight, wide.columns, wide.rows) == (400, 267, 40, 14))
    }
}
