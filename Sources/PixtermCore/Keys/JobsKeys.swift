/// The jobs list on the compose screen.
public enum JobsCommand: KeyCommand {
    case up, down, cancel, retry, details, quit
}

extension KeyMaps {
    public static let jobs = KeyMap<JobsCommand>([
        KeyBinding([.up], .up, help: KeyHint("↑ ↓", "select a job"), footer: KeyHint("↑↓", "select")),
        KeyBinding([.down], .down, help: KeyHint("↑ ↓", "select a job")),
        KeyBinding([.character("c"), .delete], .cancel, help: KeyHint("c or Delete", "cancel the selected running job"), footer: KeyHint("c", "cancel")),
        KeyBinding(
            [.character("r")], .retry, help: KeyHint("r", "retry a failed job (asks first if it may be charged)"), footer: KeyHint("r", "retry")
        ),
        KeyBinding([.enter], .details, help: KeyHint("Enter", "show the error, or the images (several side by side)"), footer: KeyHint("Enter", "details")),
        KeyBinding([.character("q")], .quit, help: KeyHint("q (outside text)", "quit")),
    ])
}
