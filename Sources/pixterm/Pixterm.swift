import ArgumentParser

/// The entry point: core dumps go off before anything reads the key, a bare `--version` is
/// answered without building the parser, the UI's question to tmux starts, then the command runs.
@main
enum PixtermMain {
    static func main() async {
        CoreDumps.disable()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let version = VersionFastPath.answer(for: arguments) {
            print(version)
            return
        }
        GraphicsSetup.askTmuxEarly(arguments: arguments)
        await Pixterm.main()
    }
}

/// `pixterm`: with no subcommand, the full-screen UI; otherwise one scriptable command.
struct Pixterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pixterm",
        abstract: "Generate and edit images with GPT Image models through Pixapi, from a terminal.",
        discussion: """
            Environment: PIXAPI_KEY (API key), PIXAPI_BASE_URL (API base URL), PIXTERM_GALLERY \
            (gallery folder), NO_COLOR, XDG_CONFIG_HOME / XDG_DATA_HOME / XDG_CACHE_HOME. \
            Config: $XDG_CONFIG_HOME/pixterm/config.toml.
            """,
        version: PixtermVersion.current,
        subcommands: [
            GenerateCommand.self, EditCommand.self, CostCommand.self, ModelsCommand.self, PreviewCommand.self, DoctorCommand.self,
            SimCommand.self, GalleryCommand.self, TasksCommand.self, SpendCommand.self, BatchCommand.self, UICommand.self,
        ],
        defaultSubcommand: UICommand.self
    )
}

enum PixtermVersion {
    static let current = "0.1.0"
}
