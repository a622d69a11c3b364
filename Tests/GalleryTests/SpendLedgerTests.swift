import Foundation
@testable import Gallery
@testable import PixapiKit
import PixtermCore
import TestSupport
import Testing

/// `SpendLedger`'s report and history import, and `SpendReportFormat`: what `pixterm spend`
/// adds up, and how it prints it.
@Suite struct SpendLedgerTests {
    /// A fixed zone five hours behind UTC, so local days and months differ from UTC's.
    static let zone = TimeZone(secondsFromGMT: -5 * 3600)!

    /// `yyyy-MM-dd HH:mm` in `zone`.
    static func local(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    static func entry(
        _ id: String, _ at: String, credits: Int, model: String = "gpt-image-2", state: LedgerState = .charged, images: Int = 1
    ) -> LedgerEntry {
        let request = ImageRequest(model: model, prompt: "p", size: .pixels(width: 1024, height: 1024), quality: .low, n: images)
        let cost = CostEstimate(
            model: model, size: .pixels(width: 1024, height: 1024), tier: "small", quality: .low, billedQuality: .low, n: images, creditsPerImage: credits / max(images, 1),
            costCredits: credits, estimate: false, usd: Double(credits) / 100
        )
        return LedgerEntry(id: id, created: local(at), request: request, mode: .sync, cost: cost, state: state, images: images, timeZone: zone)
    }

    static func withLedger(_ body: (SpendLedger, TemporaryDirectory) throws -> Void) throws {
        let dir = try TemporaryDirectory("pixterm-spend")
        defer { dir.remove() }
        try body(try SpendLedger(directory: dir.file("journal"), timeZone: zone), dir)
    }

    @Test func totalsSplitDaysAndMonthsAtLocalMidnight() throws {
        try Self.withLedger { ledger, _ in
            try ledger.record(Self.entry("feb", "2026-02-28 23:59", credits: 1))
            try ledger.record(Self.entry("mar1", "2026-03-01 00:00", credits: 10))
            try ledger.record(Self.entry("mar10-late", "2026-03-10 23:59", credits: 100))
            try ledger.record(Self.entry("mar11", "2026-03-11 00:00", credits: 1000))
            try ledger.record(Self.entry("apr", "2026-04-01 00:00", credits: 10_000))
            // 04:30 UTC on 11 March is still 10 March here.
            #expect(try ledger.totals(now: Self.local("2026-03-10 23:30")) == SpendTotals(today: 100, month: 1110))
            #expect(try ledger.totals(now: Self.local("2026-03-11 00:00")) == SpendTotals(today: 1000, month: 1110))
            #expect(try ledger.totals(now: Self.local("2026-02-28 12:00")) == SpendTotals(today: 1, month: 1))
            #expect(try ledger.totals(now: Self.local("2026-04-01 00:01")) == SpendTotals(today: 10_000, month: 10_000))
        }
    }

    @Test func reportAddsUpPerDayPerMonthAndPerModel() throws {
        try Self.withLedger { ledger, _ in
            try ledger.record(Self.entry("a", "2026-02-28 23:59", credits: 4, model: "gpt-image-1.5", images: 2))
            try ledger.record(Self.entry("b", "2026-03-01 00:00", credits: 10))
            try ledger.record(Self.entry("c", "2026-03-01 18:00", credits: 6, model: "gpt-image-1.5"))
            try ledger.record(Self.entry("d", "2026-03-02 09:00", credits: 20, state: .refused, images: 0))

            let byDay = try ledger.report(since: nil, by: .day)
            #expect(byDay.rows.map(\.key) == ["2026-02-28", "2026-03-01", "2026-03-02"], "oldest first")
            #expect(byDay.rows.map(\.credits) == [4, 16, 0])
            #expect(byDay.rows.map(\.requests) == [1, 2, 0])
            #expect(byDay.rows.map(\.images) == [2, 2, 0])
            #expect(byDay.rows.map(\.refusedRequests) == [0, 0, 1], "a refused request is shown as a count and adds nothing")
            #expect(abs(byDay.rows[1].usd - 0.16) < 1e-9)
            #expect(byDay.total.key == "total" && byDay.total.credits == 20 && byDay.total.requests == 3 && byDay.total.refusedRequests == 1)

            let byMonth = try ledger.report(since: nil, by: .month)
            #expect(byMonth.rows.map(\.key) == ["2026-02", "2026-03"])
            #expect(byMonth.rows.map(\.credits) == [4, 16])

            let byModel = try ledger.report(since: nil, by: .model)
            #expect(byModel.rows.map(\.key) == ["gpt-image-1.5", "gpt-image-2"], "dearest first: 10 credits each, then by name")
            try ledger.record(Self.entry("e", "2026-03-03 09:00", credits: 1))
            #expect(try ledger.report(since: nil, by: .model).rows.map(\.key) == ["gpt-image-2", "gpt-image-1.5"])

            let since = try ledger.report(since: Self.local("2026-03-01 00:00"), by: .day)
            #expect(since.rows.map(\.key) == ["2026-03-01", "2026-03-02", "2026-03-03"], "from local midnight on: 23:59 the day before is left out")
            #expect(try ledger.report(since: Self.local("2026-03-01 12:00"), by: .day).rows.first?.credits == 6, "a moment, not only a day")
        }
    }

    @Test func unknownOutcomesCountAndAreMarkedButInFlightRequestsAreNot() throws {
        try Self.withLedger { ledger, _ in
            try ledger.record(Self.entry("charged", "2026-03-01 10:00", credits: 1))
            try ledger.record(Self.entry("lost", "2026-03-01 11:00", credits: 10, state: .unknown))
            try ledger.record(Self.entry("orphan", "2026-03-01 12:00", credits: 100, state: .sent))
            try ledger.record(Self.entry("running", "2026-03-01 13:00", credits: 1000, state: .sent))
            #expect(try Set(ledger.sentIDs()) == ["orphan", "running"])

            let row = try #require(try ledger.report(since: nil, by: .day, inFlight: ["running"]).rows.first)
            #expect(row.requests == 4 && row.credits == 1111, "every request that may have been charged counts")
            #expect(row.unknownRequests == 2 && row.unknownCredits == 110, "unknown, and sent with no live owner")
            let nobodyAlive = try #require(try ledger.report(since: nil, by: .day).rows.first)
            #expect(nobodyAlive.unknownRequests == 3 && nobodyAlive.unknownCredits == 1110)
        }
    }

    @Test func aSettledChargeIsNeverUnchargedInTheReport() throws {
        try Self.withLedger { ledger, _ in
            try ledger.record(Self.entry("one", "2026-03-01 10:00", credits: 7, state: .sent))
            try ledger.settle("one", as: .charged, images: 1)
            try ledger.settle("one", as: .unknown)
            try ledger.settle("one", as: .refused)
            let row = try #require(try ledger.report(since: nil, by: .day).rows.first)
            #expect(row.credits == 7 && row.unknownRequests == 0 && row.refusedRequests == 0)
            #expect(try ledger.totals(now: Self.local("2026-03-01 12:00")).today == 7)
        }
    }
}

extension SpendLedgerTests {
    /// The requests of a gallery and a journal from before the ledger existed.
    @Test func aNewLedgerTakesInTheGalleryAndTheJournalOnce() throws {
        let gallery = try GalleryFixture()
        try Self.withLedger { ledger, dir in
            let day = Self.local("2026-03-01 10:00")
            // An old sidecar with neither requestID nor taskID: one request per image.
            try gallery.save("alone", created: day, credits: 5)
            // Two images of one async task, from sidecars without requestID.
            try gallery.save("task", created: day, credits: 4, index: 0, taskID: "task-9")
            try gallery.save("task", created: day, credits: 4, index: 1, taskID: "task-9")
            // Two images of one request with its id, the ledger's own key.
            for index in 0..<2 {
                let request = ImageRequest(model: "gpt-image-1.5", prompt: "pair", size: .pixels(width: 1024, height: 1024), quality: .medium, n: 2)
                let record = ResultRecord(
                    request: request, index: index, mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: 3, requestCost: 6, created: day,
                    requestID: "req-1"
                )
                try gallery.store.save(imageAt: try gallery.stagedImage(), record: record)
            }
            try gallery.save("no price known", created: day, credits: nil)
            // Copied in by hand, no sidecar: nothing pixterm paid for.
            try GalleryFixture.imageData(width: 8, height: 6, format: .png).write(to: gallery.folder.appendingPathComponent("holiday.png"))
            let journal = try TaskJournal(directory: dir.file("journal"))
            let request = ImageRequest(model: "gpt-image-2", prompt: "lost", size: .pixels(width: 1024, height: 1024), quality: .high, n: 1)
            let lost = try journal.open(request: request, mode: .sync, baseURL: URL(string: "http://127.0.0.1:9")!, cost: 50)
            try journal.keep(entry: lost, as: .outcomeUnknown, note: "connection dropped")

            #expect(try ledger.hasImportedHistory() == false)
            #expect(try ledger.importHistory(gallery: gallery.store, journal: journal, usdPerCredit: 0.01) == 5)
            #expect(try ledger.hasImportedHistory())
            let pair = try #require(try ledger.entry("req-1"))
            #expect(pair.credits == 6 && pair.images == 2 && pair.state == .charged && pair.model == "gpt-image-1.5" && pair.quality == "medium")
            #expect(pair.day == "2026-03-01" && abs(pair.usd - 0.06) < 1e-9)
            #expect(try ledger.entry("task-task-9")?.credits == 8, "credits per image times the images of the task")
            #expect(try ledger.entry("task-task-9")?.mode == "async")
            #expect(try ledger.entry(lost)?.state == .unknown)
            #expect(try ledger.entry(lost)?.credits == 50)
            let report = try ledger.report(since: nil, by: .model)
            #expect(report.total.credits == 5 + 8 + 6 + 0 + 50)
            #expect(report.total.unknownCredits == 50)
            // The budgets count it.
            #expect(try ledger.totals(now: Self.local("2026-03-01 12:00")).today == 5 + 8 + 6)

            try gallery.save("later", created: day, credits: 100)
            #expect(try ledger.importHistory(gallery: gallery.store, journal: journal, usdPerCredit: 0.01) == 0, "once")
            #expect(try ledger.report(since: nil, by: .day).total.credits == 69)
            let reopened = try SpendLedger(directory: dir.file("journal"), timeZone: Self.zone)
            #expect(try reopened.hasImportedHistory(), "the mark is in the file")
        }
    }

    @Test func importKeepsTheRowsTheLedgerAlreadyHas() throws {
        let gallery = try GalleryFixture()
        try Self.withLedger { ledger, dir in
            let day = Self.local("2026-03-01 10:00")
            try ledger.record(Self.entry("req-2", "2026-03-01 10:00", credits: 9, state: .unknown))
            let request = ImageRequest(model: "gpt-image-2", prompt: "kept", size: .pixels(width: 1024, height: 1024), quality: .low, n: 1)
            let record = ResultRecord(
                request: request, index: 0, mode: .sync, taskID: nil, revisedPrompt: nil, creditsPerImage: 1, requestCost: 1, created: day, requestID: "req-2"
            )
            try gallery.store.save(imageAt: try gallery.stagedImage(), record: record)
            #expect(try ledger.importHistory(gallery: gallery.store, journal: try TaskJournal(directory: dir.file("journal")), usdPerCredit: 0.01) == 0)
            #expect(try ledger.entry("req-2")?.credits == 9)
        }
    }

    /// A 100,000-image gallery is taken in in one pass and one transaction.
    /// Thousands of images in one pass, grouped by request. (How long 100,000 take is a figure
    /// for the closing note, not a test: timed tests fail on a busy machine.)
    @Test func importGroupsThousandsOfImagesByRequest() throws {
        let gallery = try GalleryFixture()
        let count = 4_000
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        try gallery.store.index.pool.write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO image (id, path, folder, prompt, searchText, model, size, quality, created, credits, hasSidecar, imageIndex, requestID)
                    VALUES (?, ?, 'a', 'p', 'p', 'gpt-image-2', '1024x1024', 'low', ?, 2, 1, ?, ?)
                    """
            )
            for number in 0..<count {
                try insert.execute(arguments: ["img-\(number)", "a/\(number).png", start.timeIntervalSince1970 + Double(number), number % 2, "req-\(number / 2)"])
            }
        }
        try Self.withLedger { ledger, dir in
            let added = try ledger.importHistory(gallery: gallery.store, journal: try TaskJournal(directory: dir.file("journal")), usdPerCredit: 0.01)
            #expect(added == count / 2)
            #expect(try ledger.report(since: nil, by: .month).total.credits == count * 2)
        }
    }
}

/// `SpendReportFormat`: the table, the CSV and the budget line.
@Suite struct SpendReportFormatTests {
    static func row(_ key: String, credits: Int, unknown: Int = 0, refused: Int = 0) -> SpendReport.Row {
        SpendReport.Row(
            key: key, requests: 2, images: 3, credits: credits, usd: Double(credits) / 100, unknownRequests: unknown == 0 ? 0 : 1, unknownCredits: unknown,
            refusedRequests: refused
        )
    }

    @Test func tableColumnsLineUpByDisplayWidthWithATotalAndNotes() {
        let report = SpendReport(
            grouping: .model, rows: [Self.row("gpt-image-2", credits: 1234, unknown: 14), Self.row("画像モデル\u{1B}]0;x\u{07}", credits: 5, refused: 2)]
        )
        let lines = SpendReportFormat.table(report)
        #expect(lines[0].hasPrefix("model"))
        #expect(lines.allSatisfy { !$0.contains("\u{1B}") && !$0.contains("\u{07}") })
        let table = Array(lines.prefix(5))
        #expect(Set(table.map { DisplayWidth.of($0) }).count == 1, "every table line is as wide: \(table)")
        // The credits column ends at one column on every line.
        let creditsEnd = DisplayWidth.of(lines[0].components(separatedBy: "credits")[0] + "credits")
        for line in [table[1], table[2], table[4]] {
            let cut = DisplayWidth.truncate(line, toWidth: creditsEnd)
            #expect(cut.last?.isNumber == true, "\(line)")
        }
        #expect(table[4].hasPrefix("total") && table[4].contains("1239") && table[4].contains("$12.39"))
        #expect(table[1].hasSuffix("14") && table[2].hasSuffix("-"), "unknown credits, or - when none")
        #expect(lines.contains { $0.hasPrefix("unknown: 14 of these credits are for 1 request whose outcome is not known") })
        #expect(lines.contains("2 requests refused or never sent, not charged and not counted"))
        #expect(SpendReportFormat.table(SpendReport(grouping: .day, rows: [])) == ["no paid requests in this period"])
    }

    @Test func csvQuotesFieldsAsRFC4180() {
        let report = SpendReport(grouping: .model, rows: [Self.row("model, \"quoted\"", credits: 7), Self.row("plain", credits: 1)])
        #expect(
            SpendReportFormat.csv(report)
                == "model,requests,images,credits,usd,unknown_requests,unknown_credits,refused_requests\r\n"
                + "\"model, \"\"quoted\"\"\",2,3,7,0.07,0,0,0\r\nplain,2,3,1,0.01,0,0,0\r\n"
        )
        #expect(SpendReportFormat.csvField("a\nb") == "\"a\nb\"")
        #expect(SpendReportFormat.csvField("2026-03-01") == "2026-03-01")
    }

    @Test func budgetLineNamesTheBudgetsThatAreSet() {
        let spent = SpendTotals(today: 120, month: 900)
        #expect(SpendReportFormat.budgetLine(budgets: .none, spent: spent) == nil)
        #expect(SpendReportFormat.budgetLine(budgets: Budgets(daily: 100), spent: spent) == "budget: today 120 of 100 credits (0 left)")
        #expect(
            SpendReportFormat.budgetLine(budgets: Budgets(daily: 500, monthly: 5000), spent: spent)
                == "budget: today 120 of 500 credits (380 left), this month 900 of 5000 credits (4100 left)"
        )
    }
}
