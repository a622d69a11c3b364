import PixtermCore

/// The `?` / F1 overlay's lines: the key tables of the screen beneath it (`AppState.screenKeyGuide`),
/// so a key and its help line are written once, in PixtermCore's `KeyMaps`.
enum HelpText {
    static func lines(for state: AppState) -> [(key: String, action: String)] {
        state.screenKeyGuide.help.map { (key: $0.keys, action: $0.action) }
    }
}
