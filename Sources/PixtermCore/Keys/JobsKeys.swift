/// The jobs list on the compose screen.
public enum JobsCommand: KeyCommand {
    case up, down, cancel, retry, details, quit
}

extension KeyMaps {
    public static let jobs = KeyMap<JobsCommand>([
        KeyBinding([.up], .up, help: HelpLine("↑ ↓", "select a job"), footer: FooterHint("↑↓", "select")),
        KeyBinding([.down], .down, help: HelpLine("↑ ↓", "select a job")),
        KeyBinding([.character("c"), .delete], .cancel, help: HelpLine("c or Delete", "cancel the selected running job"), footer: FooterHint("c", "cancel")),
        KeyBinding(
            [.character("r")], .retry, help: HelpLine("r", "retry a failed job (asks first if it may be charged)"), footer: FooterHint("r", "retry")
        ),
        KeyBinding([.enter], .details, help: HelpLine("Enter", "show the error, or where the images were saved"), footer: FooterHint("Enter", "details")),
        KeyBinding([.character("q")], .quit, help: HelpLine("q (outside text)", "quit")),
    ])
}
