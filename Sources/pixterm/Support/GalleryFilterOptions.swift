import ArgumentParser
import Foundation
import Gallery
import PixapiKit

/// The filters and order `gallery list` and `gallery search` share: which images (model, size,
/// quality, a date range, a range of credits per image) and in what order.
struct GalleryFilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only images made with this model.") var model: String?
    @Option(name: .long, help: ArgumentHelp("Only images of this size (1024x1024).", valueName: "WxH")) var size: String?
    @Option(name: .long, help: ArgumentHelp("Only images of this quality: low, medium, high or auto.", valueName: "quality")) var quality: String?
    @Option(name: .long, help: "Only images made since a day (2026-11-01, from its start), a time (ISO 8601) or an age (36h, 7d, 2w).")
    var since: String?
    @Option(name: .long, help: "Only images made before a day (2026-11-01: up to the end of 10-31), a time or an age, as --since.")
    var until: String?
    @Option(name: .long, help: "Only images that cost at least this many credits each.") var minCredits: Int?
    @Option(name: .long, help: "Only images that cost at most this many credits each.") var maxCredits: Int?
    @Option(name: .long, help: ArgumentHelp("Order: newest (default), oldest, or cost (dearest first).", valueName: "order")) var sort: String?

    func validate() throws {
        _ = try query(text: "")
    }

    /// The query these options ask for, with the full-text filter `text`; a value that cannot be
    /// read, or a range nothing can fall in, is a usage error naming the option.
    func query(text: String, now: Date = Date()) throws(ValidationError) -> GalleryQuery {
        func read<Value>(_ option: String, _ text: String?, _ parse: (String) throws(GalleryQueryInputError) -> Value) throws(ValidationError) -> Value? {
            guard let text else { return nil }
            do { return try parse(text) } catch { throw ValidationError("\(option): \(error.message)") }
        }
        let credits: (String, Int?) throws(ValidationError) -> Int? = { option, value throws(ValidationError) in
            if let value, value < 0 { throw ValidationError("\(option) must be 0 or more (got \(value))") }
            return value
        }
        let query = GalleryQuery(
            text: text, model: model, size: try read("--size", size, GalleryQueryInput.size),
            quality: try read("--quality", quality, GalleryQueryInput.quality),
            since: try read("--since", since) { text throws(GalleryQueryInputError) in try GalleryQueryInput.date(text, now: now) },
            until: try read("--until", until) { text throws(GalleryQueryInputError) in try GalleryQueryInput.date(text, now: now) },
            minCredits: try credits("--min-credits", minCredits), maxCredits: try credits("--max-credits", maxCredits),
            sort: try read("--sort", sort, GalleryQueryInput.sort) ?? .newest
        )
        if query.hasEmptyDateRange, let since, let until {
            throw ValidationError("--until \(TerminalText.sanitized(until)) is not after --since \(TerminalText.sanitized(since)), so no image can match")
        }
        if query.hasEmptyCreditRange, let minCredits, let maxCredits {
            throw ValidationError("--min-credits \(minCredits) is more than --max-credits \(maxCredits), so no image can match")
        }
        return query
    }
}
