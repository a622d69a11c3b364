import ArgumentParser
import Foundation
import Gallery
import PixapiKit
import PixtermApp
import PixtermCore

/// `pixterm spend`: what was spent per day, month or model, from the spend ledger, which keeps
/// every paid request after its images are deleted.
struct SpendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend", abstract: "Show credits and dollars spent per day, month or model.",
        discussion: """
            Read from the spend ledger (journal/ledger.sqlite in the data folder), which keeps every paid request, \
            also after its images are deleted. Requests whose outcome is unknown (sent, answer lost) count, \
            and are shown under "unknown"; refused ones do not. With [budget] set, a last line shows today's \
            and this month's spend against it.
            """
    )

    @Option(name: .long, help: "The last N days, today included (default 30).") var days: Int?
    @Option(name: .long, help: "Since a day (2026-11-01, from its start), a time (ISO 8601) or an age (36h, 7d, 2w).") var since: String?
    @Option(name: .long, help: ArgumentHelp("One row per day, per month or per model.", valueName: "day|month|model")) var by: SpendReport.Grouping = .day
    @Flag(name: .long, help: "Print the report as one JSON document.") var json = false
    @Flag(name: .long, help: "Print the rows as CSV (RFC 4180).") var csv = false
    @OptionGroup var global: GlobalOptions

    static let defaultDays = 30

    func validate() throws {
        if days != nil, since != nil { throw ValidationError("--days and --since both say where the report starts; give one") }
        if json, csv { throw ValidationError("--json and --csv are two output formats; give one") }
        _ = try start(now: Date())
    }

    /// Where the report starts: local midnight `days - 1` days ago, or `--since`.
    func start(now: Date) throws(ValidationError) -> Date {
        if let since {
            do { return try GalleryQueryInput.date(since, now: now) } catch { throw ValidationError("--since: \(error.message)") }
        }
        let days = days ?? Self.defaultDays
        guard days >= 1 else { throw ValidationError("--days must be at least 1 (got \(days))") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(byAdding: .day, value: 1 - days, to: calendar.startOfDay(for: now)) ?? now
    }

    func run() async throws {
        try await reportingFailures {
            let now = Date()
            let start = try start(now: now)
            let settings = try global.settings()
            let ledger = try JobBackend.openLedger(settings: settings)
            let journal = try JobBackend.openJournal(settings: settings)
            // A `sent` request is in flight while a live pixterm holds its journal entry.
            let inFlight = Set(try ledger.sentIDs().filter { journal.entry($0) != nil && journal.isClaimed($0) })
            let report = try ledger.report(since: start, by: by, inFlight: inFlight)
            let spent = settings.budgets.isEmpty ? nil : try ledger.totals(now: now)
            if json { return try Terminal.printJSON(SpendJSON(report: report, since: start, budgets: settings.budgets, spent: spent)) }
            if csv { return print(SpendReportFormat.csv(report), terminator: "") }
            print("spend since \(GalleryQueryInput.text(for: start)), per \(by.rawValue)")
            SpendReportFormat.table(report).forEach { print($0) }
            if let spent, let line = SpendReportFormat.budgetLine(budgets: settings.budgets, spent: spent) { print(line) }
        }
    }
}

extension SpendReport.Grouping: ExpressibleByArgument {}
