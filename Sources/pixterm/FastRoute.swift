/// The argument lists `main` answers without building the argument parser: building it
/// reflects over every command's properties (about 4 ms), most of a bare `--version` and a
/// large part of the UI's first frame. Only these exact lists take this path; any other
/// (`--version extra`, `generate --version`, `ui`, `--demo --verbose`) goes to the parser, so
/// its answers and errors stay the parser's own.
enum FastRoute: Equatable {
    /// `pixterm --version`: the version the parser prints (`Pixterm.configuration` names the
    /// same constant).
    case version
    /// `pixterm` or `pixterm --demo`: the UI with every other option at its default.
    case userInterface(demo: Bool)

    init?(_ arguments: [String]) {
        switch arguments {
        case ["--version"]: self = .version
        case []: self = .userInterface(demo: false)
        case ["--demo"]: self = .userInterface(demo: true)
        default: return nil
        }
    }
}
