import Testing
import TerminalGraphics
@testable import TerminalUI

@Suite("Colour pairs and palette fallback")
struct ColorTests {
    let red = ColorPairKey(foreground: 1, background: -1)
    let green = ColorPairKey(foreground: 2, background: -1)
    let blue = ColorPairKey(foreground: 4, background: 0)

    @Test func theDefaultPairIsAlwaysZero() {
        var cache = ColorPairCache(pairs: 4)
        #expect(cache.lookup(.terminalDefault) == .cached(0))
        #expect(cache.lookup(red) == .assigned(1, evicted: nil))
    }

    @Test func aKnownCombinationReusesItsPair() {
        var cache = ColorPairCache(pairs: 4)
        #expect(cache.lookup(red) == .assigned(1, evicted: nil))
        #expect(cache.lookup(green) == .assigned(2, evicted: nil))
        cache.beginFrame()
        #expect(cache.lookup(red) == .cached(1))
        #expect(cache.lookup(green) == .cached(2))
    }

    @Test func theLeastRecentlyUsedPairIsRecycled() {
        var cache = ColorPairCache(pairs: 3)
        _ = cache.lookup(red)
        _ = cache.lookup(green)
        cache.beginFrame()
        _ = cache.lookup(red)
        #expect(cache.lookup(blue) == .assigned(2, evicted: green))
        cache.beginFrame()
        #expect(cache.lookup(green) == .assigned(1, evicted: red))
        #expect(cache.lookup(blue) == .cached(2))
    }

    @Test func pairsOfTheCurrentFrameAreNeverRecycled() {
        var cache = ColorPairCache(pairs: 3)
        _ = cache.lookup(red)
        _ = cache.lookup(green)
        #expect(cache.lookup(blue) == .exhausted)
        #expect(cache.lookup(red) == .cached(1))
    }

    @Test func noPairsMeansEverythingFallsBack() {
        var cache = ColorPairCache(pairs: 0)
        #expect(cache.lookup(red) == .exhausted)
        #expect(cache.lookup(.terminalDefault) == .cached(0))
    }

    @Test func rgbFallsBackToThe256Cube() {
        let mapper = ColorMapper(mode: .truecolor, terminalColors: 256, hasDefaultColors: true)
        #expect(mapper.foreground(.rgb(RGB(255, 0, 0))) == 196)
        #expect(mapper.foreground(.rgb(RGB(0, 0, 0))) == 16)
        #expect(mapper.background(.rgb(RGB(128, 128, 128))) == 244)
        #expect(mapper.foreground(.indexed(200)) == 200 && mapper.foreground(.ansi(9)) == 9)
        #expect(mapper.foreground(.default) == -1 && mapper.background(.default) == -1)
    }

    @Test func sixteenColourModeMapsRGBAndIndexedToTheNearestANSI() {
        let mapper = ColorMapper(mode: .ansi16, terminalColors: 256, hasDefaultColors: true)
        #expect(mapper.foreground(.rgb(RGB(250, 10, 10))) == 9)
        #expect(mapper.foreground(.indexed(196)) == 9 && mapper.foreground(.indexed(21)) == 4)
        #expect(mapper.foreground(.ansi(14)) == 14)
    }

    @Test func eightColourTerminalsFoldBrightColours() {
        let mapper = ColorMapper(mode: .ansi256, terminalColors: 8, hasDefaultColors: false)
        #expect(mapper.foreground(.ansi(9)) == 1)
        #expect(mapper.foreground(.rgb(RGB(255, 255, 0))) == 3)
        #expect(mapper.foreground(.default) == 7 && mapper.background(.default) == 0)
    }

    @Test func directColourTerminalsGetExactRGB() {
        let mapper = ColorMapper(mode: .truecolor, terminalColors: 1 << 24, hasDefaultColors: true)
        #expect(mapper.foreground(.rgb(RGB(0x12, 0x34, 0x56))) == 0x123456)
        #expect(mapper.foreground(.rgb(RGB(0, 0, 5))) == 8)
        #expect(mapper.foreground(.ansi(1)) == 1 && mapper.foreground(.ansi(9)) == 0xFF0000)
    }

    @Test func noColorMeansTerminalDefaultsOnly() {
        let mapper = ColorMapper(mode: .none, terminalColors: 256, hasDefaultColors: false)
        #expect(!mapper.usesColor)
        #expect(mapper.foreground(.rgb(RGB(255, 0, 0))) == -1 && mapper.background(.ansi(4)) == -1)
    }
}
