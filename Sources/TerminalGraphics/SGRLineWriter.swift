/// Builds one row of half blocks with as few escape sequences as possible: colours are reduced
/// to the mode's palette first, so neighbouring cells often match, and a sequence is emitted only
/// when the foreground or background actually changes.
struct SGRLineWriter {
    let mode: ColorMode
    private var foreground: PaletteColour?
    private var background: PaletteColour?
    private var output = ""

    private init(mode: ColorMode) {
        self.mode = mode
    }

    /// Each row starts from the terminal's default colours and ends with a reset.
    static func line(_ row: [Cell], mode: ColorMode) -> String {
        var writer = SGRLineWriter(mode: mode)
        return writer.write(row)
    }

    /// A colour as the terminal will show it in the current mode; equality means "same SGR".
    enum PaletteColour: Hashable {
        case rgb(RGB)
        case indexed(UInt8)
        case basic(UInt8)

        func parameters(foreground: Bool) -> String {
            switch self {
            case .rgb(let c): "\(foreground ? 38 : 48);2;\(c.r);\(c.g);\(c.b)"
            case .indexed(let i): "\(foreground ? 38 : 48);5;\(i)"
            case .basic(let i): "\((i < 8 ? 30 : 82) + Int(i) + (foreground ? 0 : 10))"
            }
        }
    }

    private func quantised(_ colour: RGB) -> PaletteColour {
        switch mode {
        case .ansi256: .indexed(ANSIPalette.index256(for: colour))
        case .ansi16: .basic(ANSIPalette.index16(for: colour))
        case .truecolor, .none: .rgb(colour)
        }
    }

    private mutating func write(_ row: [Cell]) -> String {
        output.reserveCapacity(row.count * 24)
        for cell in row {
            let top = quantised(cell.top), bottom = quantised(cell.bottom)
            if top == bottom {
                // A space needs only the background, a full block only the foreground: reuse whichever is set.
                if background == top { output += " " }
                else if foreground == top { output += "█" }
                else { emit(foreground: nil, background: top); output += " " }
            } else {
                // ▀ wants (fg top, bg bottom), ▄ the reverse: take the one with fewer changes.
                let upperChanges = (foreground == top ? 0 : 1) + (background == bottom ? 0 : 1)
                let lowerChanges = (foreground == bottom ? 0 : 1) + (background == top ? 0 : 1)
                if lowerChanges < upperChanges {
                    emit(foreground: bottom, background: top); output += "▄"
                } else {
                    emit(foreground: top, background: bottom); output += "▀"
                }
            }
        }
        output += "\u{1B}[0m"
        return output
    }

    private mutating func emit(foreground newForeground: PaletteColour?, background newBackground: PaletteColour) {
        var parameters: [String] = []
        if let newForeground, newForeground != foreground {
            parameters.append(newForeground.parameters(foreground: true))
            foreground = newForeground
        }
        if newBackground != background {
            parameters.append(newBackground.parameters(foreground: false))
            background = newBackground
        }
        if !parameters.isEmpty { output += "\u{1B}[" + parameters.joined(separator: ";") + "m" }
    }
}
