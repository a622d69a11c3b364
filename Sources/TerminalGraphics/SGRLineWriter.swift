/// Builds one row of half blocks with as few escape sequences as possible: colours are reduced
/// to the mode's palette first, so neighbouring cells often match, and a sequence is emitted only
/// when the foreground or background actually changes. The row is built as bytes, one String at
/// the end: a preview writes thousands of sequences.
struct SGRLineWriter {
    let mode: ColorMode
    private var foreground: PaletteColour?
    private var background: PaletteColour?
    private var output: [UInt8] = []

    private init(mode: ColorMode) {
        self.mode = mode
    }

    /// Each row starts from the terminal's default colours and ends with a reset.
    static func line(_ row: [HalfBlockCell], mode: ColorMode) -> String {
        var writer = SGRLineWriter(mode: mode)
        writer.write(row)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// A colour as the terminal will show it in the current mode; equality means "same SGR".
    enum PaletteColour: Hashable {
        case rgb(RGB)
        case indexed(UInt8)
        case basic(UInt8)

        func appendParameters(foreground: Bool, to bytes: inout [UInt8]) {
            switch self {
            case .rgb(let c):
                bytes.appendDecimal(foreground ? 38 : 48)
                bytes += Self.truecolorIntroducer
                bytes.appendDecimal(Int(c.r))
                bytes.append(SGRLineWriter.separator)
                bytes.appendDecimal(Int(c.g))
                bytes.append(SGRLineWriter.separator)
                bytes.appendDecimal(Int(c.b))
            case .indexed(let i):
                bytes.appendDecimal(foreground ? 38 : 48)
                bytes += Self.indexedIntroducer
                bytes.appendDecimal(Int(i))
            case .basic(let i):
                bytes.appendDecimal((i < 8 ? 30 : 82) + Int(i) + (foreground ? 0 : 10))
            }
        }

        private static let truecolorIntroducer = Array(";2;".utf8)
        private static let indexedIntroducer = Array(";5;".utf8)
    }

    /// Between SGR parameters.
    fileprivate static let separator = UInt8(ascii: ";")
    private static let space = UInt8(ascii: " ")
    private static let upperHalf = Array("▀".utf8)
    private static let lowerHalf = Array("▄".utf8)
    private static let fullBlock = Array("█".utf8)
    private static let reset = Array("\u{1B}[0m".utf8)

    private func quantised(_ colour: RGB) -> PaletteColour {
        switch mode {
        case .ansi256: .indexed(ANSIPalette.index256(for: colour))
        case .ansi16: .basic(ANSIPalette.index16(for: colour))
        case .truecolor, .none: .rgb(colour)
        }
    }

    private mutating func write(_ row: [HalfBlockCell]) {
        output.reserveCapacity(row.count * 24)
        for cell in row {
            let top = quantised(cell.top), bottom = quantised(cell.bottom)
            if top == bottom {
                // A space needs only the background, a full block only the foreground: reuse whichever is set.
                if background == top {
                    output.append(Self.space)
                } else if foreground == top {
                    output += Self.fullBlock
                } else {
                    emit(foreground: nil, background: top)
                    output.append(Self.space)
                }
            } else {
                // ▀ wants (fg top, bg bottom), ▄ the reverse: take the one with fewer changes.
                let upperChanges = (foreground == top ? 0 : 1) + (background == bottom ? 0 : 1)
                let lowerChanges = (foreground == bottom ? 0 : 1) + (background == top ? 0 : 1)
                if lowerChanges < upperChanges {
                    emit(foreground: bottom, background: top); output += Self.lowerHalf
                } else {
                    emit(foreground: top, background: bottom); output += Self.upperHalf
                }
            }
        }
        output += Self.reset
    }

    private mutating func emit(foreground newForeground: PaletteColour?, background newBackground: PaletteColour) {
        let changesForeground = newForeground != nil && newForeground != foreground
        let changesBackground = newBackground != background
        guard changesForeground || changesBackground else { return }
        output += EscapeBytes.controlSequenceIntroducer
        if changesForeground, let newForeground {
            newForeground.appendParameters(foreground: true, to: &output)
            foreground = newForeground
            if changesBackground { output.append(Self.separator) }
        }
        if changesBackground {
            newBackground.appendParameters(foreground: false, to: &output)
            background = newBackground
        }
        output.append(UInt8(ascii: "m"))
    }
}
