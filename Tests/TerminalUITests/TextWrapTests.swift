@testable import TerminalUI
import Testing

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

/// The cost panel's remembered dollar text is always what the formatter gives for the amount.
@Suite struct CentsTextTests {
    @Test func everyAmountFormatsAsTwoDecimalsEvenWhenAmountsAlternate() {
        for usd in [0.14, 0.14, 0.125, 1.005, 0, -0.0, 0.14, 12_345.678, 0.135, 0.145, 2.675, 0.14] {
            #expect(CentsText.of(usd) == String(format: "%.2f", usd), "\(usd)")
        }
    }
}
