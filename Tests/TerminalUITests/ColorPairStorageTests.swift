import Testing
@testable import TerminalUI

/// The pair tables take room for the pairs handed out, not for all the terminal has.
@Suite struct ColorPairStorageTests {
    /// xterm-256color with extended pairs has 65,536; a UI with no picture on screen uses a few.
    @Test func tablesGrowWithThePairsHandedOut() {
        var cache = ColorPairCache(pairs: 65_536)
        #expect(cache.storedPairs == 1)
        for colour in Int32(0)..<3 { _ = cache.lookup(ColorPairKey(foreground: colour, background: -1)) }
        _ = cache.lookup(ColorPairKey(foreground: 0, background: -1))
        #expect(cache.storedPairs == 4, "the three pairs and the sentinel")
    }

    /// Once every number is handed out the tables stop growing and numbers are recycled.
    @Test func aFullCacheRecyclesWithoutGrowing() {
        var cache = ColorPairCache(pairs: 3)
        for colour in Int32(0)..<2 { _ = cache.lookup(ColorPairKey(foreground: colour, background: -1)) }
        cache.beginFrame()
        #expect(cache.lookup(ColorPairKey(foreground: 9, background: -1)) == .assigned(1, evicted: ColorPairKey(foreground: 0, background: -1)))
        #expect(cache.storedPairs == 3)
    }
}
