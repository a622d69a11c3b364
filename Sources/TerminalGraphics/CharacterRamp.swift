/// The picture without colour (NO_COLOR, dumb terminals): each cell becomes a character whose
/// ink coverage follows the cell's brightness, for a light-on-dark terminal.
public enum CharacterRamp {
    static let ramp = Array(" .:-=+*#%@")

    /// The character standing for one half-block cell: the UI draws previews with it when the
    /// terminal shows no colour.
    public static func character(for cell: HalfBlockCell) -> Character {
        let luma = (cell.top.luma + cell.bottom.luma) / 2
        return ramp[min(ramp.count - 1, luma * ramp.count / 256)]
    }

    static func line(_ row: [HalfBlockCell]) -> String {
        String(row.map(character(for:)))
    }
}
