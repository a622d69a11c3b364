import ArgumentParser
import Gallery

/// `pixterm gallery search QUERY`: full-text search over prompts, with the filters of `list`.
struct GallerySearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find images by words of their prompt, newest first.",
        discussion: """
            Every word must match the start of a word in the prompt (fox sn finds "a fox in snow"); Chinese and Japanese text matches anywhere. \
            The filters of `gallery list` narrow the matches further.
            """
    )

    @Argument(help: "Words to look for.") var query: String
    @Option(name: .long, help: "How many to show.") var limit = 20
    @OptionGroup var filters: GalleryFilterOptions
    @Flag(name: .long, help: "Print {total, entries} as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let page = try global.openGallery().page(try filters.query(text: query), limit: limit)
            try GalleryPrinting.printPage(page.entries, total: page.total, json: json)
        }
    }
}
