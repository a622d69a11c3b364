import ArgumentParser
import Foundation
import Gallery
import PixapiKit

/// `pixterm gallery list`: the newest images, optionally of one model or since a date.
struct GalleryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved images, newest first.")

    @Option(name: .long, help: "How many to show.") var limit = 20
    @Option(name: .long, help: "Only images made with this model.") var model: String?
    @Option(name: .long, help: "Only images since a day (2026-11-01), a time (ISO 8601) or an age (36h, 7d, 2w).")
    var since: String?
    @Flag(name: .long, help: "Print {total, entries} as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if let since, SinceDate.parse(since) == nil {
            throw ValidationError("--since must be a day like 2026-11-01, an ISO 8601 time, or an age like 7d")
        }
    }

    func run() async throws {
        try await reportingFailures {
            let store = try global.openGallery()
            let page = try store.page(GalleryQuery(model: model, since: since.flatMap { SinceDate.parse($0) }), limit: limit)
            try GalleryPrinting.printPage(page.entries, total: page.total, json: json)
        }
    }
}
