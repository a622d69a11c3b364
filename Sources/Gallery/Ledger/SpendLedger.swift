import Foundation
import GRDB
import PixapiKit

/// Every paid request this machine's pixterm sent from one data folder, kept after its images are
/// deleted and its journal entry is closed: what the budgets count and `pixterm spend` reports.
///
/// It lives beside the journal (`journal/ledger.sqlite`). The budget check and the row that
/// reserves the credits are one `BEGIN IMMEDIATE` transaction, so any number of processes can
/// race for the last credits of a budget and at most the ones that fit are sent.
public final class SpendLedger: Sendable {
    public static let fileName = "ledger.sqlite"

    let pool: DatabasePool
    /// Which local day "today" is; tests pass their own zone.
    public let timeZone: TimeZone

    /// Opens (or creates) the ledger in `directory`, the journal's folder.
    public init(directory: URL, timeZone: TimeZone = .current) throws(GalleryError) {
        self.timeZone = timeZone
        var configuration = Configuration()
        // Other pixterms hold the write lock only for a check and an insert: waiting is right.
        configuration.busyMode = .timeout(30)
        configuration.label = "pixterm-ledger"
        do {
            try PrivateDirectory.create(directory)
            // Creating and migrating happen one process at a time: pixterms starting together on a
            // new ledger would otherwise each see no tables, and all but one fail creating them.
            let opening = FileLock(directory.appendingPathComponent("ledger.lock"), wait: true)
            pool = try DatabasePool(path: directory.appendingPathComponent(Self.fileName).path, configuration: configuration)
            try Self.migrator.migrate(pool)
            withExtendedLifetime(opening) {}
        } catch let error as GalleryError {
            throw error
        } catch {
            throw GalleryError(message: Self.openFailure(directory: directory, error))
        }
    }

    /// What the budgets count now: credits of every request that was or may have been charged,
    /// today and this month (local time).
    public func totals(now: Date = Date()) throws(GalleryError) -> SpendTotals {
        try read { db in try Self.totals(db, day: LedgerDay.key(now, timeZone: self.timeZone)) }
    }

    /// Checks `entry.credits` against `budgets` and records the request as `.sent`, in one
    /// transaction that other processes wait for. Returns the refusal instead, writing nothing,
    /// when it would cross a budget and `overBudget` is false; with `overBudget` the row says
    /// whether it did cross one (so `--over-budget` on every command marks only what went over).
    public func reserve(_ entry: LedgerEntry, budgets: Budgets, overBudget: Bool = false) throws(GalleryError) -> BudgetRefusal? {
        try write { db in
            var row = entry
            row.overBudget = false
            if !budgets.isEmpty, let refusal = budgets.refusal(cost: entry.credits, spent: try Self.totals(db, day: entry.day)) {
                guard overBudget else { return refusal }
                row.overBudget = true
            }
            try row.insert(db)
            return nil
        }
    }

    /// Records a request without a budget check (one found in the journal or the gallery from
    /// before the ledger existed); an id already in the ledger is left as it is.
    public func record(_ entry: LedgerEntry) throws(GalleryError) {
        try write { db in try entry.insert(db, onConflict: .ignore) }
    }

    /// What became of a request: charged, lost, refused; `images` saved when known. A request
    /// already `charged` is never set back (a failed retry of it does not undo its charge).
    public func settle(_ id: String, as state: LedgerState, images: Int? = nil) throws(GalleryError) {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE request SET state = CASE WHEN state = 'charged' THEN 'charged' ELSE ? END,
                        images = COALESCE(?, images) WHERE id = ?
                    """,
                arguments: [state.rawValue, images, id]
            )
        }
    }

    /// The ledger's row for a request, if it has one.
    public func entry(_ id: String) throws(GalleryError) -> LedgerEntry? {
        try read { db in try LedgerEntry.fetchOne(db, key: id) }
    }

    /// The rows of one batch run, by line.
    public func entries(batch: String) throws(GalleryError) -> [LedgerEntry] {
        try read { db in try LedgerEntry.filter(Column("batch") == batch).order(Column("line"), Column("created")).fetchAll(db) }
    }

    func read<T>(_ body: (Database) throws -> T) throws(GalleryError) -> T {
        do { return try pool.read(body) } catch { throw GalleryError(message: "cannot read the spend ledger: \(error)") }
    }

    func write<T>(_ body: (Database) throws -> T) throws(GalleryError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw GalleryError(message: "cannot write the spend ledger: \(error)")
        }
    }

    static func totals(_ db: Database, day: String) throws -> SpendTotals {
        let today = try Int.fetchOne(db, sql: "SELECT credits FROM spend_day WHERE day = ?", arguments: [day]) ?? 0
        let month =
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(credits), 0) FROM spend_day WHERE day >= ? AND day <= ?",
                arguments: [LedgerDay.month(day) + "-01", LedgerDay.month(day) + "-31"]
            ) ?? 0
        return SpendTotals(today: today, month: month)
    }
}

extension LedgerEntry: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "request"
}
