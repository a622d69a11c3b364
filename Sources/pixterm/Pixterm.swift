import ArgumentParser
import Foundation

/// The entry point: core dumps go off before anything reads the key; `--version`, `pixterm`
/// and `pixterm --demo` skip the argument parser (`FastRoute`); anything else is parsed.
@main
enum PixtermMain {
    static func main() async {
        CoreDumps.disable()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let route = FastRoute(arguments)
        if route == .version {
            print(PixtermVersion.current)
            return
        }
        guard case let .userInterface(demo) = route else { return await Pixterm.main() }
        do {
            try await UILaunch(demo: demo, graphics: nil, global: GlobalChoices()).run()
        } catch {
            // `reportingFailures` has printed the message and thrown an `ExitCode`; this is
            // what the parser's `main` does with it.
            Foundation.exit((error as? ExitCode)?.rawValue ?? 1)
        }
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
