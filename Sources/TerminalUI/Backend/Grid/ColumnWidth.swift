import PixtermCore

/// Columns a grapheme occupies on screen (0, 1 or 2): the grid uses the same width rules as the
/// prompt editor, so the caret and the drawn text always agree.
func columnWidth(of character: Character) -> Int { DisplayWidth.of(character) }
