import ArgumentParser
import Foundation
import Gallery
import PixapiKit

/// `pixterm gallery list`: saved images, newest first unless `--sort` says otherwise, narrowed
/// by the filter options.
struct GalleryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List saved images, newest first.",
        discussion: """
            The filters combine: every one given must hold. --since is inclusive, --until exclusive, credit bounds inclusive; \
            an image whose cost is unknown matches no credit bound and comes last in --sort cost.
            """
    )

    @Option(name: .long, help: "How many to show.") var limit = 20
    @OptionGroup var filters: GalleryFilterOptions
    @Flag(name: .long, help: "Print {total, entries} as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try global.openGallery()
            let page = try store.page(try filters.query(text: ""), limit: limit)
            try GalleryPrinting.printPage(page.entries, total: page.total, json: json)
        }
    }
}
