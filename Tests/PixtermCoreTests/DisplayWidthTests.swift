import Testing
@testable import PixtermCore

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnAndControlsAreZero() {
        #expect(DisplayWidth.of(String("hello, world")) == 12)
        #expect(DisplayWidth.of(String("a\u{7}b\u{1B}")) == 2)
        #expect(DisplayWidth.of(Character("\t")) == 0)
    }

    @Test func eastAsianWideAndFullwidthAreTwoColumns() {
        #expect(DisplayWidth.of(String("漢字")) == 4)
        #expect(DisplayWidth.of(String("ひらがなカタカナ")) == 16)
        #expect(DisplayWidth.of(String("한국어")) == 6)
        #expect(DisplayWidth.of(String("ＡＢ１")) == 6)  // fullwidth forms
        #expect(DisplayWidth.of(String("ｶﾀｶﾅ")) == 4)  // halfwidth katakana stays narrow
        #expect(DisplayWidth.of(Character("\u{3000}")) == 2)  // ideographic space
        #expect(DisplayWidth.of(Character("\u{20000}")) == 2)  // CJK Extension B
    }

    @Test func emojiClustersAreTwoColumns() {
        #expect(DisplayWidth.of(Character("👍")) == 2)
        #expect(DisplayWidth.of(Character("👍🏽")) == 2)
        #expect(DisplayWidth.of(Character("👨‍👩‍👧")) == 2)
        #expect(DisplayWidth.of(Character("🇯🇵")) == 2)
        #expect(DisplayWidth.of(Character("❤️")) == 2)
        #expect(DisplayWidth.of(Character("❤")) == 1)  // text presentation without VS16
        #expect(DisplayWidth.of(Character("1️⃣")) == 2)
        #expect(DisplayWidth.of(String("👍🏽🇯🇵x")) == 5)
    }

    @Test func marksAndFormatCharactersAddNothing() {
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(String("cafe\u{301}")) == 4)
        #expect(DisplayWidth.of(String("a\u{200B}b")) == 2)  // zero-width space
        #expect(DisplayWidth.of(Character("\u{1100}\u{1161}")) == 2)  // conjoining Hangul jamo
    }

    /// Zero-width rules come before the wide table: the few nonspacing marks Unicode lists as
    /// East Asian Wide, ZWJ and variation selectors take no column of their own.
    @Test func marksListedAsWideAndJoinersStayZeroColumns() {
        #expect(DisplayWidth.of(Character("\u{302A}")) == 0)  // IDEOGRAPHIC LEVEL TONE MARK, W
        #expect(DisplayWidth.of(Character("\u{3099}")) == 0)  // COMBINING KATAKANA-HIRAGANA VOICED SOUND MARK, W
        #expect(DisplayWidth.of(Character("\u{16FE4}")) == 0)  // KHITAN SMALL SCRIPT FILLER, W
        #expect(DisplayWidth.of(String("か\u{3099}")) == 2)  // が decomposed
        #expect(DisplayWidth.of(Character("\u{200D}")) == 0)  // ZERO WIDTH JOINER
        #expect(DisplayWidth.of(Character("\u{FE0F}")) == 0)  // VARIATION SELECTOR-16 alone
        #expect(DisplayWidth.of(Character("\u{E0100}")) == 0)  // VARIATION SELECTOR-17
        #expect(DisplayWidth.of(String("漢\u{E0100}")) == 2)  // ideographic variation sequence
    }

    @Test func truncateKeepsWholeClustersAndWideCharacters() {
        #expect(DisplayWidth.truncate("漢字abc", toWidth: 3) == "漢")
        #expect(DisplayWidth.truncate("e\u{301}e\u{301}x", toWidth: 2) == "e\u{301}e\u{301}")
        #expect(DisplayWidth.truncate("short", toWidth: 10) == "short")
        #expect(DisplayWidth.truncate("hello world", toWidth: 8, ellipsis: "…") == "hello w…")
        #expect(DisplayWidth.truncate("漢字漢字", toWidth: 6, ellipsis: "…") == "漢字…")
        #expect(DisplayWidth.truncate("👍👍", toWidth: 3) == "👍")
    }

    @Test func padFillsToExactWidth() {
        let padded = DisplayWidth.pad("漢字", toWidth: 3)
        #expect(padded == "漢 ")
        #expect(DisplayWidth.of(padded) == 3)
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("abcdef", toWidth: 4) == "abcd")
    }
}
