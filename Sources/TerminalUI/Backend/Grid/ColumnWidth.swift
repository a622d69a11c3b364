/// Columns a grapheme occupies on screen (0, 1 or 2). The single seam between the grid and the
/// project's display-width rules; point it at `PixtermCore.DisplayWidth.of(_:)` once merged.
func columnWidth(of character: Character) -> Int { FallbackWidth.of(character) }

/// A stand-in for PixtermCore's `DisplayWidth` until the branches meet: East Asian wide ranges
/// and emoji presentation are two columns, marks and controls none. Delete with the seam switch.
enum FallbackWidth {
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F || (0x1F3FB...0x1F3FF).contains($0.value) }) { return 2 }
        switch base.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        if base.properties.isEmojiPresentation { return 2 }
        switch base.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
