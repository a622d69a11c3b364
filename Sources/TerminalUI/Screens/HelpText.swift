import PixtermCore

/// The `?` / F1 overlay's lines: every key table of the screen beneath it, in
/// `AppState.helpSections`' order, so a key and its help line are written once, in PixtermCore's
/// `KeyMaps`. Each section is its title, then a line per hint with the keys padded to the
/// section's widest (a column per section keeps every line within an 80-column overlay).
enum HelpText {
    struct Line: Hashable {
        let text: String
        let isHeading: Bool
    }

    static func lines(for state: AppState) -> [Line] {
        state.helpSections.flatMap { section in
            let keyWidth = section.hints.map { DisplayWidth.of($0.keys) }.max() ?? 0
            let hints = section.hints.map { Line(text: DisplayWidth.pad($0.keys, toWidth: keyWidth) + "  " + $0.action, isHeading: false) }
            return [Line(text: section.title, isHeading: true)] + hints
        }
    }
}
