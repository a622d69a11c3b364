import Testing
@testable import PixtermCore

/// The generated East Asian width table (scripts/unicode/generate-east-asian-wide-table.py):
/// its ranges are searchable, it holds what older tables missed, and it agrees with the emoji
/// data of the Swift standard library that DisplayWidth also reads.
@Suite struct EastAsianWideTableTests {
    typealias Table = EastAsianWideTable

    @Test func rangesAreSortedAndSeparatedByNarrowCodePoints() {
        for (earlier, later) in zip(Table.ranges, Table.ranges.dropFirst()) {
            // A gap of at least one code point: adjacent ranges would have been merged.
            #expect(earlier.upperBound + 1 < later.lowerBound, "\(hex(earlier)) and \(hex(later))")
        }
    }

    @Test func everyRangeIsWideAtBothEndsAndInTheMiddleAndNarrowJustOutside() {
        for range in Table.ranges {
            let middle = range.lowerBound + (range.upperBound - range.lowerBound) / 2
            for inside in [range.lowerBound, middle, range.upperBound] {
                #expect(Table.contains(inside), "U+\(hex(inside)) in \(hex(range))")
            }
            #expect(!Table.contains(range.lowerBound - 1), "U+\(hex(range.lowerBound - 1)) before \(hex(range))")
            #expect(!Table.contains(range.upperBound + 1), "U+\(hex(range.upperBound + 1)) after \(hex(range))")
        }
    }

    @Test func sampledWideCharactersTakeTwoColumnsUnlessTheyAreMarks() throws {
        for range in Table.ranges {
            let middle = range.lowerBound + (range.upperBound - range.lowerBound) / 2
            for value in [range.lowerBound, middle, range.upperBound] {
                let scalar = try #require(Unicode.Scalar(value))
                // The few W nonspacing marks (U+302A, U+3099, U+16FE4...) combine: zero columns.
                let expected = scalar.properties.generalCategory == .nonspacingMark ? 0 : 2
                #expect(DisplayWidth.scalarWidth(scalar) == expected, "U+\(hex(value))")
            }
        }
    }

    /// The ranges the issue named, which the hand-made Unicode 14 table lacked.
    @Test func yijingSymbolsTrigramsAndTaiXuanJingAreWide() {
        let named: [ClosedRange<UInt32>] = [0x4DC0...0x4DFF, 0x2630...0x2637, 0x1D300...0x1D356]
        let missing = named.joined().filter { !Table.contains($0) }
        #expect(missing.isEmpty, "not wide: \(missing.map { "U+\(hex($0))" }.joined(separator: " "))")
        #expect(DisplayWidth.of(String("䷀☰☷𝌀𝍖")) == 10)
        // Their narrow neighbours: YIN YANG, WHEEL OF DHARMA, and the unassigned code points
        // beside the Tai Xuan Jing block.
        #expect(DisplayWidth.of(String("☯☸")) == 2)
        #expect(!Table.contains(0x1D2FF))
        #expect(!Table.contains(0x1D357))
    }

    /// Further Unicode 15.1 to 17 W characters the old table lacked and that are not emoji, so
    /// only this table makes them wide.
    @Test func recentlyAddedWideCharactersAreTwoColumns() throws {
        let samples: [(value: UInt32, name: String)] = [
            (0x268A, "MONOGRAM FOR YANG"), (0x268F, "DIGRAM FOR GREATER YIN"),
            (0x31E4, "CJK STROKE HXG"), (0x31E5, "CJK STROKE SZP"),
            (0x16FF2, "CHINESE SMALL SIMPLIFIED ER"), (0x18D80, "TANGUT COMPONENT-769"),
            (0x1B132, "HIRAGANA LETTER SMALL KO"), (0x1B155, "KATAKANA LETTER SMALL KO"),
            (0x1D360, "COUNTING ROD UNIT DIGIT ONE"), (0x1D376, "IDEOGRAPHIC TALLY MARK FIVE"),
        ]
        for sample in samples {
            let scalar = try #require(Unicode.Scalar(sample.value))
            #expect(DisplayWidth.of(Character(scalar)) == 2, "U+\(hex(sample.value)) \(sample.name)")
        }
        // Narrow neighbours stay narrow.
        #expect(DisplayWidth.of(String("\u{2689}\u{2690}\u{1D377}")) == 3)
    }

    /// UAX #11 makes every Emoji_Presentation character W, except the regional indicators
    /// (which DisplayWidth pairs into flags itself). A standard library with newer emoji than
    /// the table fails here: regenerate the table for the toolchain's Unicode version.
    @Test func everyEmojiPresentationCharacterOfTheStandardLibraryIsInTheTable() {
        let regionalIndicators: ClosedRange<UInt32> = 0x1F1E6...0x1F1FF
        var missing: [String] = []
        for value: UInt32 in 0x2000..<0x20000 where !regionalIndicators.contains(value) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isEmojiPresentation else { continue }
            if !Table.contains(value) { missing.append("U+\(hex(value))") }
        }
        #expect(missing.isEmpty, "emoji missing from the Unicode \(Table.unicodeVersion) table: \(missing.joined(separator: " "))")
    }

    private func hex(_ value: UInt32) -> String { String(value, radix: 16, uppercase: true) }

    private func hex(_ range: ClosedRange<UInt32>) -> String { "U+\(hex(range.lowerBound))...U+\(hex(range.upperBound))" }
}
