/// The gallery's filter bar (`f`): fields for model, size, quality, dates, credits and order.
public enum GalleryFilterBarCommand: KeyCommand {
    case previousField, nextField, previousValue, nextValue, type, paste, backspace, clearAll, apply, cancel
}

extension KeyMaps {
    public static let galleryFilterBar: KeyMap<GalleryFilterBarCommand> = {
        let fields = KeyHint("← → Tab", "the previous / next field")
        let values = KeyHint("↑ ↓", "step through the choices (any, models, sizes, 7d…)")
        let typed = KeyHint("typing, paste", "a date (2026-11-01, 7d), credits, a model or a size")
        return KeyMap(
            [
                KeyBinding([.left, .backTab], .previousField, help: fields, footer: KeyHint("←→", "field")),
                KeyBinding([.right, .tab], .nextField, help: fields),
                KeyBinding([.up], .previousValue, help: values, footer: KeyHint("↑↓", "value")),
                KeyBinding([.down], .nextValue, help: values),
            ] + KeyBinding<GalleryFilterBarCommand>.textEntry(type: .type, paste: .paste, help: typed) + [
                KeyBinding([.backspace], .backspace, help: KeyHint("⌫", "delete a character (a choice goes back to any)")),
                KeyBinding([.ctrl("u")], .clearAll, help: KeyHint("Ctrl+U", "clear every filter and the order"), footer: KeyHint("^U", "clear all")),
                KeyBinding([.enter], .apply, help: KeyHint("Enter", "apply the filters"), footer: KeyHint("Enter", "apply")),
                KeyBinding([.escape], .cancel, help: KeyHint("Esc", "close the bar, keeping the filters in force"), footer: KeyHint("Esc", "cancel")),
            ]
        )
    }()
}
