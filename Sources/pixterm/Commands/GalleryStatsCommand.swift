import ArgumentParser
import Gallery
import PixapiKit
import PixtermCore

/// `pixterm gallery stats`: images and credits per day, month and model.
struct GalleryStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Count images and credits per day, per month and per model."
    )

    @Option(name: .long, help: "How many of the latest days to show (JSON has them all).") var days = 14
    @Flag(name: .long, help: "Print every day, month and model as JSON.") var json = false
    @OptionGroup var global: GlobalOptions

    struct StatsJSON: Encodable {
        struct Row: Encodable {
            let key: String
            let images: Int
            let credits: Int
        }

        let totalImages: Int
        let totalCredits: Int
        let byDay: [Row]
        let byMonth: [Row]
        let byModel: [Row]

        init(_ stats: GalleryStats) {
            func rows(_ rows: [GalleryStats.Row]) -> [Row] { rows.map { Row(key: TerminalText.sanitized($0.key), images: $0.images, credits: $0.credits) } }
            totalImages = stats.totalImages
            totalCredits = stats.totalCredits
            byDay = rows(stats.byDay)
            byMonth = rows(stats.byMonth)
            byModel = rows(stats.byModel)
        }
    }

    func validate() throws {
        guard days >= 1 else { throw ValidationError("--days must be at least 1") }
    }

    func run() async throws {
        try await reportingFailures {
            let stats = StatsJSON(try global.openGallery().stats())
            if json { return try Terminal.printJSON(stats) }
            print("\(stats.totalImages) images, \(stats.totalCredits) credits")
            for (title, rows) in [("day", Array(stats.byDay.prefix(days))), ("month", stats.byMonth), ("model", stats.byModel)] where !rows.isEmpty {
                print("\nper \(title):")
                for row in rows {
                    print("  \(DisplayWidth.pad(row.key, toWidth: 16)) \(String(row.images).leftPadded(7)) images \(String(row.credits).leftPadded(8)) credits")
                }
            }
        }
    }
}

extension String {
    /// Right-aligned in `width` characters, for number columns.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
