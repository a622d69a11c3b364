/// The picture without colour (NO_COLOR, dumb terminals): each cell becomes a character whose
/// ink coverage follows the cell's brightness, for a light-on-dark terminal.
enum CharacterRamp {
    static let ramp = Array(" .:-=+*#%@")

    static func line(_ row: [Cell]) -> String {
        String(row.map { cell in
            let luma = (cell.top.luma + cell.bottom.luma) / 2
            return ramp[min(ramp.count - 1, luma * ramp.count / 256)]
        })
    }
}
