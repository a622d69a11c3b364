import Foundation
@testable import TerminalUI
import Testing
import TestSupport

/// Panel text wrapping: paragraphs split only at "\n" (a CR LF pair is one grapheme, kept).
@Suite struct TextWrapTests {
    @Test func oneParagraphWrapsAtSpacesByDisplayWidth() {
        #expect(TextWrap.lines("14 credits/image · 1K tier · n=1", width: 16) == ["14 credits/image", "· 1K tier · n=1"])
        #expect(TextWrap.lines("漢字漢字 ab", width: 5) == ["漢字", "漢字", "ab"])
        #expect(TextWrap.lines("", width: 5) == [""])
    }

    @Test func newlinesStartParagraphsButCarriageReturnNewlineIsOneGrapheme() {
        #expect(TextWrap.lines("a\nb\n\nc", width: 5) == ["a", "b", "", "c"])
        #expect(TextWrap.lines("a\r\nb", width: 5) == ["a\r\nb"])
        #expect(TextWrap.lines("a\r\nb\nc", width: 5) == ["a\r\nb", "c"])
    }
}

/// The cost panel's dollar text is always what the formatter gives for the amount.
@Suite struct CentsTextTests {
    @Test func everyAmountFormatsAsTwoDecimals() {
        for usd in [0.14, 0.125, 1.005, 0, -0.0, -0.001, 12_345.678, 0.135, 0.145, 2.675, 0.005, 0.015, 1e11 + 0.125, 3e12, .infinity, .nan] {
            #expect(CentsText.of(usd) == String(format: "%.2f", usd), "\(usd)")
        }
    }

    /// Credits at a cent each, exact ties (eighths), the doubles either side of every half cent,
    /// and seeded random amounts: the same text as `String(format: "%.2f")` for all of them.
    @Test func agreesWithTheFormatterWhereRoundingIsHard() {
        var amounts: [Double] = (0...30_000).map { Double($0) * 0.01 } + (0...20_000).map { Double($0) / 8 }
        for halfCent in 0...20_000 {
            let tie = (Double(halfCent) + 0.5) / 100
            amounts += [tie, tie.nextUp, tie.nextDown, -tie]
        }
        var generator = SeededGenerator(state: 2026)
        amounts += (0..<20_000).map { _ in Double.random(in: 0..<1e9, using: &generator) }
        amounts += (0..<20_000).map { _ in Double.random(in: 0..<1, using: &generator) }
        var differing: [Double] = []
        for usd in amounts where CentsText.of(usd) != String(format: "%.2f", usd) { differing.append(usd) }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
    }
}
