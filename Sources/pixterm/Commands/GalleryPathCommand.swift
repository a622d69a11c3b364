import ArgumentParser
import PixapiKit

/// `pixterm gallery path`: where the gallery is, for `cd "$(pixterm gallery path)"`.
struct GalleryPathCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "path", abstract: "Print the gallery folder.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            print(TerminalText.sanitized(try global.settings().gallery.path))
        }
    }
}
