/// Greedy word wrap of one logical line into visual rows.
///
/// Rows break after a space or around a wide character when possible and inside a word only when
/// the word is longer than the row. A wide character that does not fit moves to the next row
/// whole. One space may hang past the edge (in column `width`), like in text editors, so a
/// wrapped word starts its row flush left; the caret may use that column too.
enum SoftWrap {
    /// The grapheme offset where each visual row starts; the first is always 0.
    static func rowStarts(of glyphs: [Glyph], width: Int) -> [Int] {
        var starts = [0]
        var column = 0
        var breakOpportunity: Int?
        var index = 0
        while index < glyphs.count {
            let glyph = glyphs[index]
            let glyphWidth = Int(glyph.width)
            let hangs = glyph.kind == .space && column == width
            if column + glyphWidth <= width || column == 0 || hangs {
                column += max(glyphWidth, hangs ? 1 : 0)
                if canBreak(after: index, in: glyphs) { breakOpportunity = index + 1 }
                index += 1
            } else {
                let start = breakOpportunity ?? index
                starts.append(start)
                column = 0
                breakOpportunity = nil
                index = start
            }
        }
        // The caret after the last grapheme needs a column within the row (or the hanging one).
        if column > width { starts.append(glyphs.count) }
        return starts
    }

    private static func canBreak(after index: Int, in glyphs: [Glyph]) -> Bool {
        guard index + 1 < glyphs.count else { return false }
        return glyphs[index].kind == .space || glyphs[index].width == 2 || glyphs[index + 1].width == 2
    }
}
