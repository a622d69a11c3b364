import Foundation
import GRDB

/// Requests made before the ledger existed, brought into it once, so `pixterm spend` and the
/// budgets count what was spent before the upgrade too.
///
/// That the import happened is kept in the ledger file's `PRAGMA user_version` (written in the
/// import's own transaction), which needs no table of its own and so no schema migration.
extension SpendLedger {
    /// `user_version` once the history is in.
    static let historyImported = 1

    /// Whether `importHistory` has run on this ledger (in any process).
    public func hasImportedHistory() throws(GalleryError) -> Bool {
        try read { db in try Self.historyIsImported(db) }
    }

    /// Records, once per ledger, every paid request the gallery and the journal know of: a
    /// request's images (one row per `requestID`; for older images without one, per async
    /// task, else per image) as `charged`, and each open journal entry as it stands (`sent`,
    /// `unknown`, or `charged` when paid but not downloaded). A request already in the ledger
    /// keeps its row. Returns how many rows were added (0 when it had run already).
    ///
    /// One read of the gallery index and one write transaction: a second process starting at
    /// the same time waits for it and then finds it done.
    @discardableResult
    public func importHistory(gallery: GalleryStore, journal: TaskJournal, usdPerCredit: Double) throws(GalleryError) -> Int {
        guard try !hasImportedHistory() else { return 0 }
        // Images copied in or removed since the index was last written are seen once, here.
        _ = try gallery.refresh()
        let zone = timeZone
        let found = try gallery.readIndex { db in try Self.galleryRequests(db, usdPerCredit: usdPerCredit, timeZone: zone) }
        let open = journal.openEntries().map { LedgerEntry(journalEntry: $0, usdPerCredit: usdPerCredit, timeZone: zone) }
        return try write { db in
            guard try !Self.historyIsImported(db) else { return 0 }
            var added = 0
            // The gallery first: a request with images saved was charged, whatever its entry says.
            for entry in found + open {
                try Self.insertIfNew(entry, db)
                // Rows this statement inserted; the triggers' changes to `spend_day` are not counted.
                added += db.changesCount
            }
            try db.execute(sql: "PRAGMA user_version = \(Self.historyImported)")
            return added
        }
    }

    private static func historyIsImported(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 >= historyImported
    }

    /// The gallery's requests, in one pass over its index. The price of a grouped request is
    /// its credits per image times its `n` (images deleted before the import were paid for too),
    /// or times the images found when that is more.
    private static func galleryRequests(_ db: Database, usdPerCredit: Double, timeZone: TimeZone) throws -> [LedgerEntry] {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT COALESCE(requestID, 'task-' || taskID, 'image-' || id) AS request, requestID IS NULL AND taskID IS NULL AS single,
                    MIN(created) AS created, model, size, quality, COALESCE(MAX(credits), 0) AS credits, COUNT(*) AS images,
                    MAX(COALESCE(json_extract(request, '$.n'), 1)) AS n, json_extract(request, '$.operation') AS operation,
                    MAX(source IS NOT NULL) AS edited, taskID IS NOT NULL AS async
                FROM image WHERE hasSidecar GROUP BY 1
                """
        )
        var entries: [LedgerEntry] = []
        while let row = try rows.next() {
            let single: Bool = row["single"], images: Int = row["images"], perImage: Int = row["credits"]
            let n = single ? 1 : max(row["n"], images)
            let credits = perImage * n
            let edited: Bool = row["edited"], async: Bool = row["async"]
            entries.append(
                LedgerEntry(
                    id: row["request"], created: Date(timeIntervalSince1970: row["created"]),
                    operation: row["operation"] ?? (edited ? "edit" : "generate"), mode: async ? "async" : "sync", model: row["model"] ?? "unknown",
                    size: row["size"], quality: row["quality"] ?? "auto", n: n, credits: credits, usd: Double(credits) * usdPerCredit,
                    state: .charged, images: images, timeZone: timeZone
                )
            )
        }
        return entries
    }

    private static func insertIfNew(_ entry: LedgerEntry, _ db: Database) throws {
        // One cached statement: an import of 100,000 images makes as many rows.
        try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO request (id, created, day, operation, mode, model, size, quality, n, credits, usd, state, images, batch, line, overBudget)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            entry.id, entry.created, entry.day, entry.operation, entry.mode, entry.model, entry.size, entry.quality, entry.n, entry.credits, entry.usd,
            entry.state.rawValue, entry.images, entry.batch, entry.line, entry.overBudget,
        ])
    }
}

extension LedgerEntry {
    /// An open journal entry as the ledger counts it: paid but not downloaded was charged; lost
    /// is unknown; waiting on its answer (or on a resume) is still sent.
    init(journalEntry entry: JournalEntry, usdPerCredit: Double, timeZone: TimeZone) {
        let state: LedgerState =
            switch entry.state {
            case .paidNotDownloaded: .charged
            case .outcomeUnknown: .unknown
            case .pending, .submitted: .sent
            }
        let credits = entry.cost ?? 0
        self.init(
            id: entry.id, created: entry.created, operation: entry.request.operation.rawValue, mode: entry.mode.rawValue, model: entry.request.model,
            size: entry.request.size.description, quality: entry.request.quality.rawValue, n: entry.request.n, credits: credits,
            usd: Double(credits) * usdPerCredit, state: state, images: entry.saved.count, timeZone: timeZone
        )
    }
}
