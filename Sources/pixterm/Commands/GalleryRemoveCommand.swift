import ArgumentParser
import PixapiKit

/// `pixterm gallery rm ID`: moves an image to the gallery's trash, from where it can come back.
struct GalleryRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Move an image and its sidecar to the gallery's .trash folder (undo with `gallery restore`)."
    )

    @Argument(help: "An id from `gallery list`, or the image's path.") var image: String
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await reportingFailures {
            let removed = try global.openGallery().remove(GalleryShowCommand.key(image))
            let id = TerminalText.sanitized(removed.id)
            print("moved \(TerminalText.sanitized(removed.relativePath)) to the trash; `pixterm gallery restore \(id)` puts it back")
        }
    }
}
