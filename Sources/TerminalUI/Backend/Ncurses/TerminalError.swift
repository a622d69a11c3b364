/// Why the full-screen UI could not start, worded for the person at the terminal.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    case notATerminal
    case unusableTerminalType(String)
    case cannotCreatePipe

    public var description: String {
        switch self {
        case .notATerminal:
            return "The interactive UI needs a terminal on stdin and stdout; use the subcommands for scripts."
        case .unusableTerminalType(let term):
            return "ncurses does not know the terminal type '\(term)'; set TERM to e.g. xterm-256color."
        case .cannotCreatePipe:
            return "Could not create the internal wake-up pipe (too many open files?)."
        }
    }
}
