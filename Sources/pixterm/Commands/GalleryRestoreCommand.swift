import ArgumentParser
import PixapiKit

/// `pixterm gallery restore ID`: undoes `gallery rm`.
struct GalleryRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Put a trashed image back where it was.")

    @Argument(help: "The id `gallery rm` printed, or the image's path relative to the gallery.") var image: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let restored = try global.openGallery().restore(image)
            print(TerminalText.sanitized(restored.url.path))
        }
    }
}
