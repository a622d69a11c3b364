/// Terminal column widths of characters and strings, from Unicode data rather than libc's
/// `wcwidth()`, which depends on the locale and lags years behind on emoji.
///
/// The rules follow common terminal practice (as in the `wcwidth` Python package): East Asian
/// Wide/Fullwidth and emoji-presentation characters take two columns; nonspacing and enclosing
/// marks and format characters take none; a grapheme cluster is as wide as its base character,
/// widened to two by emoji variation selector 16, a skin-tone modifier, a flag pair or a ZWJ emoji
/// sequence.
public enum DisplayWidth {
    /// Columns one grapheme cluster occupies: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        // One byte: ASCII, the common case, read without decoding scalars.
        let utf8 = character.utf8
        if utf8.count == 1, let byte = utf8.first {
            return (0x20..<0x7F).contains(byte) ? 1 : 0
        }
        var scalars = character.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return 0 }
        var width = scalarWidth(base)
        var followsJoiner = false
        while let scalar = scalars.next(), width < 2 {
            switch scalar.value {
            case 0xFE0F, 0x1F3FB...0x1F3FF:
                width = 2
            case 0x1F1E6...0x1F1FF where isRegionalIndicator(base):
                width = 2
            default:
                if followsJoiner && base.properties.isEmoji { width = 2 }
            }
            followsJoiner = scalar.value == 0x200D
        }
        return width
    }

    /// Columns a string occupies when printed on one line: the sum of its graphemes' widths.
    /// Status lines, footers and panels are mostly ASCII with a few symbols ("·", "…"), so
    /// their ASCII runs are counted by bytes and only the clusters around other bytes are
    /// examined as graphemes. An ASCII byte followed by another ASCII byte is a grapheme of its
    /// own (only CR LF joins, and both are zero wide), so that split is exact.
    public static func of(_ text: Substring) -> Int {
        let utf8 = text.utf8
        var width = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte < 0x80 && (next == utf8.endIndex || utf8[next] < 0x80) {
                if byte >= 0x20 && byte < 0x7F { width += 1 }
                index = next
            } else {
                // A cluster starting here: an ASCII letter with its accents, or a symbol.
                guard let cluster = text[index...].first else { break }
                width += of(cluster)
                index = utf8.index(index, offsetBy: cluster.utf8.count)
            }
        }
        return width
    }

    /// Columns a string occupies when printed on one line (see the `Substring` form).
    public static func of(_ text: String) -> Int { of(text[...]) }

    /// Columns one scalar occupies on its own (the base of a cluster).
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch value {
        case 0..<0x20, 0x7F..<0xA0: return 0
        case 0xA0..<0x300: return 1
        case 0x1160...0x11FF: return 0  // Hangul medial vowels and final consonants join the initial.
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .lineSeparator, .paragraphSeparator, .control:
            return 0
        default:
            return EastAsianWideTable.contains(value) || scalar.properties.isEmojiPresentation ? 2 : 1
        }
    }

    /// The longest prefix of `text` that fits in `width` columns, never splitting a grapheme.
    /// When `text` does not fit, `ellipsis` (if any) replaces its end so the cut is visible.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "") -> String {
        guard of(text) > width else { return text }
        let room = width - of(ellipsis)
        guard room >= 0 else { return prefix(of: ellipsis, fitting: width) }
        return prefix(of: text, fitting: room) + ellipsis
    }

    /// `text` cut or filled with spaces to exactly `width` columns, so table cells line up even
    /// when a wide character did not fit at the edge.
    public static func pad(_ text: String, toWidth width: Int) -> String {
        let fitted = truncate(text, toWidth: width)
        let missing = width - of(fitted)
        return missing > 0 ? fitted + String(repeating: " ", count: missing) : fitted
    }

    private static func prefix(of text: String, fitting width: Int) -> String {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            used += of(text[index])
            if used > width { break }
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
