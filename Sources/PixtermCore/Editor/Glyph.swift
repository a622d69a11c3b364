/// What the editor needs to know about one grapheme on every keystroke, computed once when the
/// grapheme enters the buffer so layout and word motion never re-examine Unicode properties.
struct Glyph: Sendable, Hashable {
    enum Kind: UInt8, Sendable {
        case space
        /// Letters and digits of scripts that separate words with spaces.
        case word
        /// A wide letter (CJK ideograph, kana, Hangul syllable): a word on its own.
        case ideograph
        case punctuation

        var isWord: Bool { self == .word || self == .ideograph }
    }

    let width: UInt8
    let kind: Kind

    init(_ character: Character) {
        let width = DisplayWidth.of(character)
        self.width = UInt8(width)
        if character.isWhitespace {
            kind = .space
        } else if character.isLetter || character.isNumber {
            kind = width == 2 ? .ideograph : .word
        } else {
            kind = .punctuation
        }
    }
}
