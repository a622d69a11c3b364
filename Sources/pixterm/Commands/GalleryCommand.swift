import ArgumentParser

/// `pixterm gallery ...`: browse and tidy the gallery folder from scripts and the shell.
struct GalleryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "List, search, show and tidy saved images.",
        discussion: """
            The gallery is a folder of images, each with a JSON sidecar of its settings; the index in \
            .pixterm/ is a cache that `pixterm gallery rebuild` makes again from the files.
            """,
        subcommands: [
            GalleryListCommand.self, GallerySearchCommand.self, GalleryShowCommand.self, GalleryRemoveCommand.self,
            GalleryRestoreCommand.self, GalleryRebuildCommand.self, GalleryPathCommand.self, GalleryStatsCommand.self,
        ],
        defaultSubcommand: GalleryListCommand.self
    )
}
