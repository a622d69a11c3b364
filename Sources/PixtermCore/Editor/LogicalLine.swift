/// One "\n"-separated line of the prompt with its cached glyph facts and its soft-wrap layout, so
/// a keystroke re-lays out only the line it touched.
struct LogicalLine: Sendable {
    private(set) var characters: [Character] = []
    private(set) var glyphs: [Glyph] = []
    private(set) var scalarCount = 0
    /// Grapheme offsets where visual rows start, valid for `wrapWidth`.
    private(set) var rowStarts = [0]
    /// The width `rowStarts` was computed for; 0 means the layout is stale.
    private(set) var wrapWidth = 0

    init(_ characters: some Sequence<Character> = []) {
        replaceSubrange(0..<0, with: Array(characters))
    }

    var count: Int { characters.count }

    var text: String { Self.joined(characters[...]) }

    /// Writes the UTF-8 straight into the new string: several times faster than `String(_:)` or
    /// appending characters one by one, with one allocation (none for short rows), and this
    /// runs for every visible row on every frame.
    private static func joined(_ characters: ArraySlice<Character>) -> String {
        let count = characters.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var at = 0
            for character in characters {
                for byte in character.utf8 {
                    buffer[at] = byte
                    at += 1
                }
            }
            return at
        }
    }

    mutating func replaceSubrange(_ range: Range<Int>, with new: [Character]) {
        for character in characters[range] { scalarCount -= character.unicodeScalars.count }
        for character in new { scalarCount += character.unicodeScalars.count }
        characters.replaceSubrange(range, with: new)
        glyphs.replaceSubrange(range, with: new.map(Glyph.init))
        wrapWidth = 0
    }

    /// Joins the graphemes on both sides of `index` when Unicode makes them one cluster (an accent
    /// typed after its letter, the second half of a flag), so the buffer always matches how the
    /// text would split as a String. Returns whether they were joined.
    @discardableResult
    mutating func mergeSeam(at index: Int) -> Bool {
        guard index > 0, index < count else { return false }
        // Two ASCII characters stay apart (only CR LF would join, and the buffer holds no CR):
        // the common case of typing, decided without building a string.
        let before = characters[index - 1].utf8, after = characters[index].utf8
        if before.count == 1, after.count == 1, before.first != UInt8(ascii: "\r") { return false }
        let joined = String(characters[index - 1]) + String(characters[index])
        guard joined.count == 1, let cluster = joined.first else { return false }
        replaceSubrange(index - 1..<index + 1, with: [cluster])
        return true
    }

    mutating func layOut(width: Int) {
        guard wrapWidth != width else { return }
        rowStarts = SoftWrap.rowStarts(of: glyphs, width: width)
        wrapWidth = width
    }

    var rowCount: Int { rowStarts.count }

    /// The visual row showing the caret at `index`; a caret on a row boundary belongs to the
    /// lower row, where the next grapheme is drawn.
    func row(of index: Int) -> Int {
        var low = 0
        var high = rowStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if rowStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The first caret index on `row` and the last one that still displays on it.
    func caretRange(ofRow row: Int) -> ClosedRange<Int> {
        let end = row + 1 < rowStarts.count ? rowStarts[row + 1] - 1 : count
        return rowStarts[row]...end
    }

    func column(of index: Int) -> Int {
        glyphs[rowStarts[row(of: index)]..<index].reduce(0) { $0 + Int($1.width) }
    }

    /// The caret index on `row` closest to `column` without passing it, so moving through a wide
    /// character never lands in its middle.
    func index(inRow row: Int, nearColumn column: Int) -> Int {
        let range = caretRange(ofRow: row)
        var index = range.lowerBound
        var used = 0
        while index < range.upperBound, used + Int(glyphs[index].width) <= column, used < column {
            used += Int(glyphs[index].width)
            index += 1
        }
        return index
    }

    func visualRow(_ row: Int) -> VisualRow {
        let start = rowStarts[row]
        let end = row + 1 < rowStarts.count ? rowStarts[row + 1] : count
        let width = glyphs[start..<end].reduce(0) { $0 + Int($1.width) }
        return VisualRow(text: Self.joined(characters[start..<end]), width: width)
    }
}
