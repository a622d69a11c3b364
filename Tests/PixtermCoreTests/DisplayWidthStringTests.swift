import TestSupport
import Testing
@testable import PixtermCore

/// `DisplayWidth.of(String)` counts ASCII runs by bytes; it must always equal the sum of its
/// graphemes' widths, which is the definition.
@Suite struct DisplayWidthStringTests {
    static func graphemeSum(_ text: some StringProtocol) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

    static let pieces = [
        "a", "Z", " ", "~", "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{7F}", "·", "…", "─", "é", "e\u{301}", "a\u{301}\u{302}",
        "漢", "字", "ｱ", "👍🏽", "❤️", "❤", "🇯🇵", "🇯", "👨‍👩‍👧‍👦", "👩🏽‍💻", "\u{200D}", "\u{301}", "\u{FE0F}", "\u{200B}",
        "\u{0600}", "\u{0915}\u{093F}", "각", "\u{1100}\u{1161}\u{11A8}", "$0.14", "n=1",
    ]

    @Test func everyPairAndTripleOfPiecesMeasuresLikeItsGraphemes() {
        for first in Self.pieces {
            for second in Self.pieces {
                let pair = first + second
                #expect(DisplayWidth.of(pair) == Self.graphemeSum(pair), "\(pair.unicodeScalars.map { String($0.value, radix: 16) })")
                for third in ["x", "\u{301}", "漢", "\r"] {
                    let triple = pair + third
                    #expect(DisplayWidth.of(triple) == Self.graphemeSum(triple), "\(triple.unicodeScalars.map { String($0.value, radix: 16) })")
                }
            }
        }
    }

    @Test func seededRandomStringsAndTheirSubstringsMeasureLikeTheirGraphemes() {
        var generator = SeededGenerator(state: 14)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            #expect(DisplayWidth.of(text) == Self.graphemeSum(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            let scalars = text.unicodeScalars
            guard !scalars.isEmpty else { continue }
            // Substrings may start inside a cluster (at any scalar): they count from there too.
            let start = scalars.index(scalars.startIndex, offsetBy: Int.random(in: 0..<scalars.count, using: &generator))
            let tail = text[start...]
            #expect(DisplayWidth.of(tail) == Self.graphemeSum(tail), "\(tail.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
