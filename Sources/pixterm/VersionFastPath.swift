/// `pixterm --version` answered before the argument parser is built: building it reflects over
/// every command's properties (about 4 ms), which is most of what the bare `--version` cost.
/// Only the exact argument list `--version` takes this path; any other (`--version extra`,
/// `generate --version`) goes to the parser, so its answers and errors stay the parser's own.
enum VersionFastPath {
    /// The text to print for these arguments (without the program name), or nil when the parser
    /// must handle them. The version is the one the parser prints, so there is one source of truth.
    static func answer(for arguments: [String]) -> String? {
        guard arguments == ["--version"] else { return nil }
        return Pixterm.configuration.version
    }
}
