import Testing
import TerminalGraphics

@Suite struct ColorModeTests {
    @Test(
        arguments: [
            (["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"], ColorMode.none),
            (["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": ""], .truecolor),
            (["TERM": "screen", "COLORTERM": "24bit"], .truecolor),
            (["TERM": "xterm-direct"], .truecolor),
            (["TERM": "tmux-256color"], .ansi256),
            (["TERM": "xterm-256color", "COLORTERM": "yes"], .ansi256),
            (["TERM": "xterm"], .ansi16),
            (["TERM": "linux"], .ansi16),
            (["TERM": "dumb", "COLORTERM": "nonsense"], .none),
            ([:], .none),
        ] as [([String: String], ColorMode)])
    func detection(environment: [String: String], expected: ColorMode) {
        #expect(ColorMode.detect(environment: environment) == expected)
    }
}

@Suite struct ANSIPaletteTests {
    @Test func knownColoursMapToTheirXtermIndices() {
        #expect(ANSIPalette.index256(for: RGB(255, 0, 0)) == 196)
        #expect(ANSIPalette.index256(for: RGB(0, 0, 0)) == 16)
        #expect(ANSIPalette.index256(for: RGB(255, 255, 255)) == 231)
        #expect(ANSIPalette.index256(for: RGB(95, 135, 175)) == 67)
        #expect(ANSIPalette.index256(for: RGB(128, 128, 128)) == 244)
        #expect(ANSIPalette.index256(for: RGB(100, 101, 99)) == 241)  // grey ramp 98 beats cube 95
        #expect(ANSIPalette.index256(for: RGB(250, 130, 10)) == 208)  // nearest cube orange (255, 135, 0)
    }

    @Test func everyPaletteColourMapsBackToItself() {
        for index in 16...255 {
            #expect(ANSIPalette.index256(for: ANSIPalette.colour256(UInt8(index))) == UInt8(index))
        }
        for (index, colour) in ANSIPalette.standard16.enumerated() {
            #expect(ANSIPalette.index16(for: colour) == UInt8(index))
        }
    }

    @Test func nearColoursPickTheExpectedBasicColour() {
        #expect(ANSIPalette.index16(for: RGB(200, 10, 10)) == 1)
        #expect(ANSIPalette.index16(for: RGB(0, 0, 255)) == 4)
        #expect(ANSIPalette.index16(for: RGB(120, 120, 120)) == 8)
        #expect(ANSIPalette.index16(for: RGB(250, 250, 250)) == 15)
        #expect(ANSIPalette.index16(for: RGB(240, 230, 20)) == 11)
    }
}
