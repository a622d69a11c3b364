import ArgumentParser
import TerminalGraphics

/// `pixterm` with no subcommand: the full-screen UI.
struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The full-screen terminal UI (the default when no command is given).",
        discussion: "With no API key it offers the demo; --demo starts it directly."
    )

    @Flag(name: .long, help: "Use the built-in offline simulator: real images, no key, no credits spent. Its images go to a demo gallery of their own, or to --gallery when given.")
    var demo = false

    @Option(name: .long, help: "Gallery previews: auto, kitty, iterm, sixel or blocks (default: graphics in config, then auto-detect).")
    var graphics: String?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let graphics, GraphicsPreference(graphics) == nil { throw ValidationError("--graphics must be \(GraphicsPreference.choices)") }
    }

    func run() async throws {
        try await UILaunch(demo: demo, graphics: graphics, global: global.choices).run()
    }
}
