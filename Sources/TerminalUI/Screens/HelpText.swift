import PixtermCore

/// Every key of each screen, for the `?` / F1 overlay. Kept next to the views so a new key
/// and its line here are written together.
enum HelpText {
    static func lines(for state: AppState) -> [(key: String, action: String)] {
        let everywhere: [(String, String)] = [
            ("F1 or ?", "this help (? only outside text fields)"), ("Ctrl+L", "session log"),
            ("Esc", "back one level / dismiss a message (never quits)"), ("Ctrl+C", "cancel; twice quits"),
        ]
        switch state.screen {
        case .gallery where state.gallery.isViewing:
            return [
                ("← → ↑ ↓ j k", "previous / next image"), ("Home End", "first / last image"),
                ("c", "copy the path (OSC 52)"), ("o", "open in the system viewer"), ("Esc q v Enter", "back to the list"),
            ] + everywhere
        case .gallery:
            return [
                ("v or Enter", "view the image full screen (Esc goes back)"),
                ("↑ ↓ j k", "select"), ("PgUp PgDn Home End", "move faster"), ("/", "filter by prompt text"),
                ("r", "reuse prompt and settings in the editor"), ("e", "edit from this image"),
                ("d or Delete", "delete (to the gallery's trash)"), ("u", "undo the last delete"),
                ("c", "copy the path (OSC 52, works over SSH and tmux)"), ("o", "open in the system viewer"),
                ("Ctrl+O or F2", "back to compose"), ("q", "quit"),
            ] + everywhere
        case .compose:
            return [
                ("Enter", "send the request"), ("Ctrl+J or Alt+Enter", "new line in the prompt"),
                ("← → Home End", "move; Alt/Ctrl+←→ by word"), ("↑ ↓", "move; on the first/last line: earlier prompts"),
                ("Ctrl+R", "search earlier prompts"), ("Ctrl+W Ctrl+U Ctrl+K", "delete word / to line start / to line end"),
                ("Ctrl+Z Ctrl+Y", "undo / redo"), ("Tab Shift+Tab", "move between prompt, settings, sources and jobs"),
                ("← → or Space", "change the focused setting"), ("digits", "in Size: type WIDTHxHEIGHT after choosing custom…"),
                ("Ctrl+E", "switch between generate and edit mode"), ("Ctrl+O or F2", "gallery"),
                ("c / r (in Jobs)", "cancel a running job / retry a failed one"), ("q (outside text)", "quit"),
            ] + everywhere
        }
    }
}
